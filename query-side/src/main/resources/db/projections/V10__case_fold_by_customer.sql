-- An erasure rewrites the folds of one customer's cases: the fold records its customer, taken for the folds stored so
-- far from the case view that was written with them.
alter table case_fold add column customer_id text;

update case_fold fold
set customer_id = view.customer_id
from case_view view
where view.case_id = fold.case_id;

create index case_fold_customer_ix on case_fold (customer_id);
