-- Bulk eCOA imports: one job per uploaded file, committed in chunks so a killed import resumes
-- from its last committed chunk; the rows that could not be issued, with row, column and reason.

CREATE TABLE import_jobs (
  id                 uuid PRIMARY KEY,
  producer_org_id    uuid NOT NULL REFERENCES organisations(id),
  created_by_user    uuid REFERENCES users(id),
  created_by_key     uuid REFERENCES api_keys(id),
  filename           text NOT NULL,
  format             text NOT NULL CHECK (format IN ('csv','xlsx','ndjson')),
  file_sha256        text NOT NULL,
  file_bytes         bigint NOT NULL,
  status             text NOT NULL CHECK (status IN ('queued','running','completed','failed')),
  rows_total         integer NOT NULL,           -- data rows (lines for NDJSON), counted before the job started
  records_total      integer NOT NULL,           -- certificates the rows make up
  next_row           integer NOT NULL,           -- first file row not yet committed: where a resume starts
  rows_done          integer NOT NULL DEFAULT 0,
  records_done       integer NOT NULL DEFAULT 0,
  accepted           integer NOT NULL DEFAULT 0, -- issued or amended
  rejected           integer NOT NULL DEFAULT 0, -- invalid, non-conforming, or in conflict
  unchanged          integer NOT NULL DEFAULT 0, -- already registered with identical content
  error_count        integer NOT NULL DEFAULT 0,
  failure            text,                       -- why a failed job stopped
  lease_owner        text,                       -- the runner working on it
  lease_until        timestamptz,
  run_started_at     timestamptz,                -- start of the current run (for rate and ETA)
  run_start_records  integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  finished_at        timestamptz
);
-- Re-uploading the same file (same bytes) for the same producer is recognised and changes nothing.
CREATE UNIQUE INDEX import_jobs_file_key ON import_jobs (producer_org_id, file_sha256);
CREATE INDEX import_jobs_unfinished_idx ON import_jobs (status) WHERE status IN ('queued','running');
CREATE INDEX import_jobs_producer_idx ON import_jobs (producer_org_id, created_at);

CREATE TABLE import_errors (
  job_id       uuid NOT NULL REFERENCES import_jobs(id),
  seq          integer NOT NULL,                -- order within the job
  row_number   integer NOT NULL,                -- spreadsheet row (header = 1) or NDJSON line
  column_name  text NOT NULL,
  value        text,
  code         text NOT NULL,
  reason       text NOT NULL,
  PRIMARY KEY (job_id, seq)
);
