-- The transparency log's append runs as the last statement before COMMIT and checks that the head
-- is still the one it was built on (trust/log-repo.ts conditionalAppendSql). When it is not, this
-- raises serialization_failure, which the transaction runner treats as "run again".
CREATE FUNCTION assay_log_raced() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the transparency log head moved since this append was built'
    USING ERRCODE = 'serialization_failure';
END
$$;
