-- When the last failure of a counter happened: the account-wide back-off waits from it (issue 15).
alter table login_throttle add column last_failure_at timestamp with time zone;
