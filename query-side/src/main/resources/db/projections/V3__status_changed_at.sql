-- When each case last changed status: a period ending after it can take the status as it is now, so only the
-- few cases that changed after a period's end need their history to find their status at that end.
alter table service_level_case add column status_changed_at timestamptz;

update service_level_case
set status_changed_at = (select max((change ->> 'at')::timestamptz) from jsonb_array_elements(status_changes) change);

alter table service_level_case alter column status_changed_at set not null;
