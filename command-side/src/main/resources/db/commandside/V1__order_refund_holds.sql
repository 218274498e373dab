-- How much of each order's amount after-sales requests hold (requested, approved or issued money).
-- Checked and updated under a row lock in the same transaction that appends the refund's events, so
-- concurrent requests on different cases of one order can never together exceed the order's amount.
create table order_refund_hold (
    order_id     varchar(100)   not null,
    currency     char(3)        not null,
    order_amount numeric(19, 2) not null,
    held         numeric(19, 2) not null default 0,
    constraint order_refund_hold_pk primary key (order_id),
    constraint order_refund_hold_within_order check (held >= 0 and held <= order_amount)
);
