-- Files (scans of components, electronic results): their facts, and their bytes in chunks of at most 1 MiB, so that
-- neither a write nor a read holds a file whole. A file row is inserted in the same transaction as its chunks, after
-- the last one: a failed upload rolls back and leaves nothing.
CREATE TABLE hcc_file (
    service_id  text        NOT NULL,
    id          uuid        NOT NULL,
    media_type  text        NOT NULL,
    size        bigint      NOT NULL,
    sha256      text        NOT NULL,
    name        text        NOT NULL,
    uploaded_by text        NOT NULL,
    uploaded_at timestamptz NOT NULL,
    PRIMARY KEY (service_id, id)
);

CREATE TABLE hcc_file_chunk (
    service_id text    NOT NULL,
    file_id    uuid    NOT NULL,
    seq        integer NOT NULL,
    data       bytea   NOT NULL,
    PRIMARY KEY (service_id, file_id, seq)
);

-- Chunks are stored as they are: scans and PDFs are compressed already, and TOAST compression would only cost CPU.
ALTER TABLE hcc_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
