-- Every API key is bound to one environment of one project (ADR 0012, issue 18): it evaluates that environment and
-- reads or changes features only there. Keys from before projects are bound to default/production, which is what
-- they served. When an environment is deleted its keys lose their binding (set null) and can no longer be used.
alter table api_keys add column environment_id uuid;
update api_keys set environment_id = '00000000-0000-7000-8000-00000000e002';
alter table api_keys add constraint fk_api_keys_environment foreign key (environment_id) references environments (id)
    on delete set null;
