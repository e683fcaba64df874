-- The table the Orleans ADO.NET providers read their statements from, one row per query key.
-- Written by the HccOrleans team from the providers' documented contract (query keys, parameter
-- and column names, etag rules); later migrations upsert rows here.
CREATE TABLE orleansquery (
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);
