package org.dyad.views.export;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Parquet file back with parquet-java's own reader: its schema, row groups and rows. */
public record ParquetRows(MessageType schema, int rowGroups, List<Map<String, Object>> rows) {

    public static ParquetRows read(byte[] file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new SnappyCodecFactory()).build();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            int groups = reader.getRowGroups().size();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group group = records.read();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (Type field : schema.getFields()) {
                        row.put(field.getName(), value(group, field));
                    }
                    rows.add(row);
                }
            }
            return new ParquetRows(schema, groups, rows);
        }
    }

    private static Object value(Group group, Type field) {
        String name = field.getName();
        if (group.getFieldRepetitionCount(name) == 0) {
            return null;
        }
        return switch (field.asPrimitiveType().getPrimitiveTypeName()) {
            case BINARY -> group.getString(name, 0);
            case INT64 -> group.getLong(name, 0);
            case INT32 -> group.getInteger(name, 0);
            case DOUBLE -> group.getDouble(name, 0);
            case BOOLEAN -> group.getBoolean(name, 0);
            default -> throw new IllegalStateException("unexpected type of " + name);
        };
    }

    private record BytesInputFile(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            return new SeekableInputStream() {
                private int position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void seek(long newPos) {
                    position = (int) newPos;
                }

                @Override
                public int read() {
                    return position < bytes.length ? bytes[position++] & 0xff : -1;
                }

                @Override
                public void readFully(byte[] target) throws IOException {
                    readFully(target, 0, target.length);
                }

                @Override
                public void readFully(byte[] target, int start, int len) throws IOException {
                    if (position + len > bytes.length) {
                        throw new EOFException();
                    }
                    System.arraycopy(bytes, position, target, start, len);
                    position += len;
                }

                @Override
                public int read(ByteBuffer buf) {
                    int len = Math.min(buf.remaining(), bytes.length - position);
                    if (len <= 0) {
                        return -1;
                    }
                    buf.put(bytes, position, len);
                    position += len;
                    return len;
                }

                @Override
                public void readFully(ByteBuffer buf) throws IOException {
                    int len = buf.remaining();
                    if (position + len > bytes.length) {
                        throw new EOFException();
                    }
                    buf.put(bytes, position, len);
                    position += len;
                }
            };
        }
    }
}
