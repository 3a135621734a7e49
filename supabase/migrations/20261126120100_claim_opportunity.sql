-- Together: what a claim is for. A member may claim for an opportunity that has since been archived,
-- which they can no longer read directly; the claim still names it for whoever may see the claim.

create function public.claim_opportunity(claim public.claims) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('id', o.id, 'title', o.title, 'type', o.type, 'fee_rate_id', o.fee_rate_id)
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id
  where i.id = claim.involvement_id and (select private.may_see_claim(claim.id))
$$;

comment on function public.claim_opportunity(public.claims) is 'The opportunity a claim is for (id, title, type, fee rate), for those who may see the claim. Select it with a claim: select=id,opportunity:claim_opportunity.';

revoke all on function public.claim_opportunity(public.claims) from public, anon;
grant execute on function public.claim_opportunity(public.claims) to authenticated, service_role;

-- The signed-in member's places, with each opportunity's title even once archived: what they may
-- claim for when it was not a meeting (reading papers, writing).
create function public.my_involvements()
returns table (id bigint, role text, opportunity_id bigint, opportunity_title text, starts_on date, ends_on date)
language sql stable security definer set search_path = ''
as $$
  select i.id, i.role, o.id, o.title, i.starts_on, i.ends_on
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id
  where i.member_id = (select auth.uid())
  order by i.created_at desc, i.id desc
$$;

revoke all on function public.my_involvements() from public, anon;
grant execute on function public.my_involvements() to authenticated;
