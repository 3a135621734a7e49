-- Together: the staff side of adjustments. Counts for the staff home page, which name no member
-- (so they read no one's needs and write no audit row), and an index for the admins' view of the
-- audit log filtered to staff reads of access needs and adjustment requests.

-- How many requests need an answer (or were changed after agreement), how many have items agreed
-- and not yet arranged, and how many sets of papers are due (and overdue). Only for staff who
-- arrange adjustments.
create function public.staff_adjustment_counts()
returns table (to_answer integer, to_arrange integer, papers_due integer, papers_overdue integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_arranger();
  return query
  select
    (select count(*)::integer from private.adjustment_queue() q
      where q.requested > 0 or q.changed_after_agreement_at is not null),
    (select count(*)::integer from private.adjustment_queue() q where q.agreed + q.partly_agreed > 0),
    (select count(*)::integer from private.papers_due() d where d.ready_at is null),
    (select count(*)::integer from private.papers_due() d
      where d.ready_at is null and d.due_on < (now() at time zone 'Europe/London')::date);
end
$$;

revoke all on function public.staff_adjustment_counts() from public, anon;
grant execute on function public.staff_adjustment_counts() to authenticated;

-- The audit log's reads of members' access needs and requests, newest first (the /admin/audit page).
create index audit_log_needs_reads on public.audit_log (at desc, id desc)
  where action in ('access needs read', 'adjustment request read');
