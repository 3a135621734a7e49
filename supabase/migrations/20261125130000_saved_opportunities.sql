-- Members save (bookmark) opportunities to come back to. Each member sees and changes only their own.

create table public.saved_opportunities (
  member_id uuid not null references public.profiles (id) on delete cascade,
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  saved_at timestamptz not null default now(),
  primary key (member_id, opportunity_id)
);

comment on table public.saved_opportunities is 'Opportunities a member has saved. Private to that member.';

create index saved_opportunities_opportunity on public.saved_opportunities (opportunity_id);

alter table public.saved_opportunities enable row level security;

revoke all on table public.saved_opportunities from anon, authenticated;
grant select, insert, delete on table public.saved_opportunities to authenticated;

create policy "Members read what they saved" on public.saved_opportunities
  for select to authenticated
  using (member_id = (select auth.uid()));

-- Only an opportunity the member can see (published or closed) can be saved; the subquery runs
-- under the member's own policies on opportunities.
create policy "Members save opportunities they can see" on public.saved_opportunities
  for insert to authenticated
  with check (
    member_id = (select auth.uid())
    and exists (
      select 1 from public.opportunities o
      where o.id = opportunity_id and o.status in ('published', 'closed')
    )
  );

create policy "Members remove what they saved" on public.saved_opportunities
  for delete to authenticated
  using (member_id = (select auth.uid()));
