-- Deal documents and summaries kept out of line (V7) but not compressed: compressing them took a good part of the
-- database's time for each deal written, for about half the space; reading them then needs no decompression either.
-- Rows already stored keep their compressed values until written again.
ALTER TABLE deal ALTER COLUMN doc SET STORAGE EXTERNAL, ALTER COLUMN summary SET STORAGE EXTERNAL;
ALTER TABLE deal_state ALTER COLUMN summary SET STORAGE EXTERNAL;
