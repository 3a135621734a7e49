-- A claim's totals are kept on the claim, so reading them costs nothing per line.
--
-- fees_pence, expenses_pence and total_pence (the computed fields every reader selects) used to sum
-- the claim's lines, through the claim-lines read policy, once for every claim read: the staff
-- claims queue (300 claims) paid three policy-checked aggregates a row. Now a trigger on claim_lines
-- adds each change to two columns of the claim, in the same transaction as the change (whoever
-- makes it: a member's draft, a staff adjustment, the data-rights clean-up), and the computed fields
-- read those columns. The columns are backfilled here; nobody writes them directly: members have no
-- update on claims at all, and a guard refuses a change to them that does not come from the lines
-- trigger (so not even a function or the service role can set a total that its lines do not add up
-- to). Reports that sum claim_lines themselves (year figures, evaluation, data export) are unchanged.

alter table public.claims
  add column fee_lines_pence integer not null default 0,
  add column expense_lines_pence integer not null default 0;

comment on column public.claims.fee_lines_pence is 'The sum of the claim''s fee lines, kept by a trigger on claim_lines; read it through fees_pence.';
comment on column public.claims.expense_lines_pence is 'The sum of the claim''s other lines, kept by a trigger on claim_lines; read it through expenses_pence.';

-- Backfill without touching updated_at: nothing about the claims changed.
alter table public.claims disable trigger claims_touch;
update public.claims c
set fee_lines_pence = t.fees, expense_lines_pence = t.expenses
from (
  select l.claim_id,
    coalesce(sum(l.amount_pence) filter (where l.category = 'fee'), 0)::integer as fees,
    coalesce(sum(l.amount_pence) filter (where l.category <> 'fee'), 0)::integer as expenses
  from public.claim_lines l
  group by l.claim_id
) t
where t.claim_id = c.id;
alter table public.claims enable trigger claims_touch;

-- Add a line's change to its claim. A relative update, so two transactions changing lines of the
-- same claim at once both count (the second waits for the first's row lock, then adds to its result).
create function private.add_to_claim_totals() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update public.claims
    set fee_lines_pence = fee_lines_pence - case when old.category = 'fee' then old.amount_pence else 0 end,
        expense_lines_pence = expense_lines_pence - case when old.category = 'fee' then 0 else old.amount_pence end
    where id = old.claim_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.claims
    set fee_lines_pence = fee_lines_pence + case when new.category = 'fee' then new.amount_pence else 0 end,
        expense_lines_pence = expense_lines_pence + case when new.category = 'fee' then 0 else new.amount_pence end
    where id = new.claim_id;
  end if;
  return null;
end
$$;

revoke all on function private.add_to_claim_totals() from public;

create trigger claim_lines_totals after insert or delete on public.claim_lines
  for each row execute function private.add_to_claim_totals();
create trigger claim_lines_totals_update after update of claim_id, category, amount_pence on public.claim_lines
  for each row
  when (old.claim_id is distinct from new.claim_id or old.category is distinct from new.category
        or old.amount_pence is distinct from new.amount_pence)
  execute function private.add_to_claim_totals();

-- A new claim has no lines; a total changes only from the lines trigger (one trigger deeper).
create function private.guard_claim_totals() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.fee_lines_pence := 0;
    new.expense_lines_pence := 0;
  elsif (new.fee_lines_pence, new.expense_lines_pence) is distinct from (old.fee_lines_pence, old.expense_lines_pence)
        and pg_trigger_depth() < 2 then
    raise exception 'not_allowed';
  end if;
  return new;
end
$$;

create trigger claims_totals_guard before insert or update of fee_lines_pence, expense_lines_pence on public.claims
  for each row execute function private.guard_claim_totals();

-- The computed fields read the claim's own columns: plain SQL expressions without a pinned
-- search_path, so the planner inlines them (a security invoker function, reading only its argument).
create or replace function public.fees_pence(claim public.claims) returns integer
language sql stable
as $$
  select claim.fee_lines_pence
$$;

create or replace function public.expenses_pence(claim public.claims) returns integer
language sql stable
as $$
  select claim.expense_lines_pence
$$;

create or replace function public.total_pence(claim public.claims) returns integer
language sql stable
as $$
  select claim.fee_lines_pence + claim.expense_lines_pence
$$;
