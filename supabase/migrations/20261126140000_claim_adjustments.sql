-- Together: the adjustments agreed for what a claim is for, shown on the staff claim page so a
-- taxi or a personal assistant claimed can be checked against what was agreed. Access needs stay
-- with the staff who arrange adjustments: only they get these rows, and each read is audited
-- (via 'claim'), as every other staff read of a member's requests is.

create function public.staff_claim_adjustments(claim bigint)
returns table (
  request_id bigint, item_id bigint, category public.access_category, options public.access_option[],
  status public.adjustment_status, decision_note text, arranged_what text, arranged_when text,
  whole_opportunity boolean
)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  c public.claims;
  opp bigint;
begin
  perform private.require_arranger();
  select * into c from public.claims where id = claim;
  if not found then
    raise exception 'not_found';
  end if;
  select i.opportunity_id into opp from public.involvements i where i.id = c.involvement_id;

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  select (select auth.uid()), 'adjustment request read', 'adjustment_request', r.id::text,
    jsonb_build_object('member_id', r.member_id, 'opportunity_id', r.opportunity_id, 'via', 'claim',
      'claim_id', c.id)
  from public.adjustment_requests r
  where r.member_id = c.member_id and r.opportunity_id = opp
    and (r.meeting_id is null or r.meeting_id = c.meeting_id);

  return query
    select r.id, i.id, i.category, i.options, i.status, i.decision_note, i.arranged_what, i.arranged_when,
      r.meeting_id is null
    from public.adjustment_requests r
    join public.adjustment_items i on i.request_id = r.id
    where r.member_id = c.member_id and r.opportunity_id = opp
      and (r.meeting_id is null or r.meeting_id = c.meeting_id)
      and i.status in ('agreed', 'partly_agreed', 'arranged')
    order by r.meeting_id nulls last, i.category;
end
$$;

revoke all on function public.staff_claim_adjustments(bigint) from public, anon;
grant execute on function public.staff_claim_adjustments(bigint) to authenticated;
