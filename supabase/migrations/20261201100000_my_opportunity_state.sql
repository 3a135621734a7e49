-- What an opportunity's page shows a signed-in person about themselves, in one request rather than
-- three: whether they saved it, their application to it (id and status), and whether they take
-- part in it. Security invoker: Row Level Security decides, as when the three tables are read one
-- by one, and each is narrowed to the person's own rows.
create function public.my_opportunity_state(opportunity bigint)
returns table (
  saved boolean,
  application_id bigint,
  application_status public.application_status,
  taking_part boolean
)
language sql stable security invoker set search_path = ''
as $$
  select
    exists (
      select 1 from public.saved_opportunities s
      where s.opportunity_id = opportunity and s.member_id = (select auth.uid())
    ),
    a.id,
    a.status,
    exists (
      select 1 from public.involvements i
      where i.opportunity_id = opportunity and i.member_id = (select auth.uid())
    )
  from (values (1)) as one (x)
  left join public.applications a
    on a.opportunity_id = opportunity and a.member_id = (select auth.uid())
$$;

revoke all on function public.my_opportunity_state(bigint) from public, anon;
grant execute on function public.my_opportunity_state(bigint) to authenticated;
