package org.dyad.views.export;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Apache Parquet written straight to the response: rows gather into a row group of at most {@code rowGroupBytes},
 * which is then compressed (Snappy) and written, so memory holds one row group whatever the export's size; the
 * footer follows the last group. Every column is optional; types as {@link TidyColumn.Type} says.
 */
final class ParquetRowWriter implements TidyRowWriter {

    private final List<TidyColumn> columns;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;

    ParquetRowWriter(List<TidyColumn> columns, OutputStream out, long rowGroupBytes) throws IOException {
        this.columns = columns;
        MessageType schema = schema(columns);
        this.groups = new SimpleGroupFactory(schema);
        this.writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCodecFactory(new SnappyCodecFactory())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize((int) Math.min(1 << 20, rowGroupBytes))
                .build();
    }

    static MessageType schema(List<TidyColumn> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (TidyColumn column : columns) {
            switch (column.type()) {
                case TEXT -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(column.name());
                case INTEGER -> message.optional(PrimitiveTypeName.INT64).named(column.name());
                case NUMBER -> message.optional(PrimitiveTypeName.DOUBLE).named(column.name());
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
                case DATE -> message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType())
                        .named(column.name());
                case TIMESTAMP -> message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(column.name());
            }
        }
        return message.named("row");
    }

    @Override
    public void write(Object... values) throws IOException {
        Group row = groups.newGroup();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            String name = columns.get(i).name();
            switch (columns.get(i).type()) {
                case TEXT -> row.add(name, TidyValues.text(value));
                case INTEGER -> row.add(name, TidyValues.integer(value));
                case NUMBER -> row.add(name, TidyValues.number(value));
                case BOOLEAN -> row.add(name, (Boolean) value);
                case DATE -> row.add(name, (int) TidyValues.date(value).toEpochDay());
                case TIMESTAMP -> {
                    var instant = TidyValues.instant(value);
                    row.add(name, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
                }
            }
        }
        writer.write(row);
    }

    /** A row group goes out when it is full; a partly filled one is kept until then (Parquet cannot split it). */
    @Override
    public void flush() {
    }

    @Override
    public void finish() throws IOException {
        writer.close();
    }

    /** The response as Parquet's output file: written once, front to back; closing it leaves the response open. */
    private static final class StreamOutputFile implements OutputFile {

        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    position += length;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
