-- A change request may propose a new approval policy for its environment (issue 19): in a protected environment the
-- policy itself changes only through an approved request. The policy as JSON; null when it proposes none.
alter table change_requests add column proposed_policy text;
