-- Together: the organisation's projects. A project has a name, an aim, a project manager (a staff
-- member), dates and a programme of work; opportunities belong to a project (optional).
--
-- Only staff read and write projects. Members never need a project's name: what they see is the
-- opportunity they took part in, which they already read. opportunities.project_id is a bare number
-- to anyone who can read the opportunity.

create table public.projects (
  id bigint generated always as identity primary key,
  name text not null check (length(btrim(name)) between 2 and 120),
  aim text not null default '' check (length(aim) <= 2000),
  manager_id uuid references public.profiles (id) on delete set null,
  programme_id bigint references public.programmes (id) on delete restrict,
  starts_on date,
  ends_on date,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint projects_dates_in_order check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

comment on table public.projects is 'The organisation''s projects (name, aim, project manager, dates, programme). Opportunities link to them. Staff read and write; members do not read them.';
comment on column public.projects.manager_id is 'The project manager: a staff member (checked when written).';

create index projects_manager on public.projects (manager_id);
create index projects_programme on public.projects (programme_id);

create trigger projects_touch before update on public.projects
  for each row execute function private.touch_updated_at();

-- The project manager must be staff or admin.
create function private.check_project_manager() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.manager_id is not null and not exists (
    select 1 from public.profiles p where p.id = new.manager_id and p.role in ('staff', 'admin')
  ) then
    raise exception 'manager_not_staff' using errcode = '23514';
  end if;
  return new;
end
$$;

revoke all on function private.check_project_manager() from public;

create trigger projects_manager_is_staff before insert or update of manager_id on public.projects
  for each row execute function private.check_project_manager();

alter table public.projects enable row level security;
revoke all on table public.projects from anon, authenticated;
grant select, insert, update, delete on table public.projects to authenticated;

create policy "Staff read projects" on public.projects
  for select to authenticated using ((select private.is_staff()));
create policy "Staff add projects" on public.projects
  for insert to authenticated with check ((select private.is_staff()));
create policy "Staff change projects" on public.projects
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));
-- A project with opportunities can still go: they are unlinked (on delete set null).
create policy "Admins remove projects" on public.projects
  for delete to authenticated using ((select private.is_admin()));

alter table public.opportunities
  add column project_id bigint references public.projects (id) on delete set null;

comment on column public.opportunities.project_id is 'The project this opportunity belongs to, if any.';

create index opportunities_project on public.opportunities (project_id) where project_id is not null;
