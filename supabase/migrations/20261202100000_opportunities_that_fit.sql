-- Open opportunities that look for something the signed-in member shares for matching, best first,
-- weighing every open opportunity (not only the soonest to close). Each lived experience or skill
-- the member shares that an opportunity looks for counts 2, each skill they want to develop that it
-- looks for counts 1, as whyFits in src/lib/matching.ts gives the reasons; ties go to the one
-- closing soonest. Security invoker: Row Level Security decides what the member reads of both
-- tables (their own matching profile, published opportunities).
create function public.opportunities_that_fit(how_many integer default 3)
returns setof public.opportunities
language sql stable security invoker set search_path = ''
as $$
  select o.*
  from public.matching_profiles p
  join public.opportunities o
    on o.looks_for_experience && p.experience
    or o.looks_for_skills && (p.skills || p.develop)
  where p.member_id = (select auth.uid())
    and o.status = 'published'
    and (o.closes_at is null or o.closes_at >= now())
  order by
    2 * cardinality(array(select unnest(p.experience) intersect select unnest(o.looks_for_experience)))
    + 2 * cardinality(array(select unnest(p.skills) intersect select unnest(o.looks_for_skills)))
    + cardinality(array(select unnest(p.develop) intersect select unnest(o.looks_for_skills))) desc,
    o.closes_at asc nulls last,
    o.id
  limit least(greatest(coalesce(how_many, 3), 0), 50)
$$;

revoke all on function public.opportunities_that_fit(integer) from public, anon;
grant execute on function public.opportunities_that_fit(integer) to authenticated;
