-- The cases whose parked events an administrator evicted from the dead-letter queue: their views lack those events,
-- and say so, until a rebuild folds every event again (a rebuild writes this table anew, empty).
create table evicted_case (
    case_id    text        not null primary key,
    evicted_at timestamptz not null
);
