-- Deal documents and summaries (a few kB each) stored out of line, so that the rows that lists, counts and totals
-- scan hold only their columns: a pair's deals or states then fill a few pages instead of one page per row.
ALTER TABLE deal SET (toast_tuple_target = 128);
ALTER TABLE deal_state SET (toast_tuple_target = 128);

-- rows already stored move their documents out when written again
UPDATE deal SET doc = doc::text::json, summary = summary::text::json;
UPDATE deal_state SET summary = summary::text::json;
