-- Together: matching members to the work, and members' own ideas.
--
-- Matching. A member may say, for matching only, which areas of lived experience they share, what
-- they are good at (chairing, reviewing documents, interviewing, speaking …) and what they want to
-- develop. This is a separate choice from the lived experience on their profile (public.lived_experience,
-- read by staff only through audited functions): only what is in matching_profiles is ever used to
-- suggest them, and a member removes it at any time. Staff never read the table itself: they see
-- suggested members for an opportunity through staff_suggested_members(), which returns names and
-- the shared matching words only (never access needs, never the profile's lived experience).
--
-- An opportunity says what it looks for (looks_for_experience, looks_for_skills). Staff invite a
-- suggested member (match_invitations); the member accepts (and goes on to apply) or declines.
--
-- Ideas. Staff open a call for ideas (a question and a closing date); members send an idea written,
-- recorded (an upload) or as "please call me", reusing the answer kinds of applications. A member
-- reads their own ideas; everyone signed in reads the ideas staff publish, without who sent them,
-- through published_ideas(). Staff shortlist, choose and say what happened to each idea.

-- Words used for matching ------------------------------------------------------------------------

create function private.matching_words_ok(words text[]) returns boolean
language sql immutable set search_path = ''
as $$
  select cardinality(words) <= 20 and array_to_string(words, ',') ~ '^[a-z_,]*$'
$$;

-- What a member shares for matching ----------------------------------------------------------------

create table public.matching_profiles (
  member_id uuid primary key references public.profiles (id) on delete cascade,
  experience text[] not null default '{}' check (private.matching_words_ok(experience)),
  skills text[] not null default '{}' check (private.matching_words_ok(skills)),
  develop text[] not null default '{}' check (private.matching_words_ok(develop)),
  updated_at timestamptz not null default now()
);

comment on table public.matching_profiles is 'What a member chose to share for matching: lived experience areas, skills, what they want to develop. Members read their own; staff see it only as reasons in staff_suggested_members().';

alter table public.matching_profiles enable row level security;
revoke all on table public.matching_profiles from anon, authenticated;
grant select on table public.matching_profiles to authenticated;

create policy "Members read what they share for matching" on public.matching_profiles
  for select to authenticated using ((select private.acts_for(member_id)));

-- The member saves what they share (all empty removes it).
create function public.save_matching_profile(experience text[], skills text[], develop text[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  e text[];
  s text[];
  d text[];
begin
  if me is null or not exists (select 1 from public.profiles p where p.id = me and p.deleted_at is null) then
    raise exception 'not_allowed';
  end if;
  select coalesce(array_agg(distinct t order by t), '{}') into e from unnest(coalesce(experience, '{}')) t where t <> '';
  select coalesce(array_agg(distinct t order by t), '{}') into s from unnest(coalesce(skills, '{}')) t where t <> '';
  select coalesce(array_agg(distinct t order by t), '{}') into d from unnest(coalesce(develop, '{}')) t where t <> '';
  if cardinality(e) + cardinality(s) + cardinality(d) = 0 then
    delete from public.matching_profiles where member_id = me;
    return;
  end if;
  insert into public.matching_profiles (member_id, experience, skills, develop) values (me, e, s, d)
  on conflict (member_id) do update
    set experience = excluded.experience, skills = excluded.skills, develop = excluded.develop, updated_at = now();
end
$$;

-- What an opportunity looks for --------------------------------------------------------------------

alter table public.opportunities
  add column looks_for_experience text[] not null default '{}'
    check (private.matching_words_ok(looks_for_experience)),
  add column looks_for_skills text[] not null default '{}'
    check (private.matching_words_ok(looks_for_skills));

comment on column public.opportunities.looks_for_experience is 'Lived experience areas this opportunity looks for (matching).';
comment on column public.opportunities.looks_for_skills is 'Skills this opportunity looks for (matching); members who want to develop them are suggested too.';

-- Invitations to an opportunity --------------------------------------------------------------------

create table public.match_invitations (
  id bigint generated always as identity primary key,
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  member_id uuid not null references public.profiles (id) on delete cascade,
  invited_by uuid references public.profiles (id) on delete set null,
  -- The matching words that made staff suggest them, as they were when invited.
  experience text[] not null default '{}',
  skills text[] not null default '{}',
  develop text[] not null default '{}',
  status text not null default 'invited' check (status in ('invited', 'accepted', 'declined')),
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  unique (opportunity_id, member_id)
);

comment on table public.match_invitations is 'Staff invite a suggested member to apply for an opportunity; the member accepts or declines. The member and staff read them; changes only through functions.';

create index match_invitations_member on public.match_invitations (member_id, created_at desc);

alter table public.match_invitations enable row level security;
revoke all on table public.match_invitations from anon, authenticated;
grant select on table public.match_invitations to authenticated;

create policy "Members and staff read invitations" on public.match_invitations
  for select to authenticated
  using ((select private.acts_for(member_id)) or (select private.is_staff()));

-- Why a member matches an opportunity: the shared words in common.
create function private.match_reasons(member uuid, opportunity bigint,
  out experience text[], out skills text[], out develop text[])
language sql stable security definer set search_path = ''
as $$
  select
    coalesce(array(select unnest(m.experience) intersect select unnest(o.looks_for_experience) order by 1), '{}'),
    coalesce(array(select unnest(m.skills) intersect select unnest(o.looks_for_skills) order by 1), '{}'),
    coalesce(array(select unnest(m.develop) intersect select unnest(o.looks_for_skills) order by 1), '{}')
  from public.matching_profiles m, public.opportunities o
  where m.member_id = member and o.id = opportunity
$$;

revoke all on function private.matching_words_ok(text[]), private.match_reasons(uuid, bigint) from public;
grant execute on function private.matching_words_ok(text[]) to anon, authenticated, service_role;

-- Staff: members to suggest for an opportunity, with why. Only the shared matching words, names and
-- whether they were invited or applied: nothing from access needs or the profile's lived experience.
create function public.staff_suggested_members(opportunity bigint)
returns table (
  member_id uuid, name text, experience text[], skills text[], develop text[],
  invitation_status text, applied boolean
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  return query
  select p.id, p.full_name, r.experience, r.skills, r.develop,
    i.status, exists (select 1 from public.applications a
      where a.opportunity_id = opportunity and a.member_id = p.id and a.status <> 'draft')
  from public.matching_profiles m
  join public.profiles p on p.id = m.member_id
  cross join lateral private.match_reasons(m.member_id, opportunity) r
  left join public.match_invitations i on i.opportunity_id = opportunity and i.member_id = p.id
  where p.role = 'member' and p.status = 'active' and p.deleted_at is null
    and cardinality(r.experience) + cardinality(r.skills) + cardinality(r.develop) > 0
  order by cardinality(r.experience) + cardinality(r.skills) desc, cardinality(r.develop) desc,
    p.full_name, p.id
  limit 100;
end
$$;

-- Staff invite a suggested member. Inviting again changes nothing; returns the invitation and
-- whether it is new (so the member is emailed once).
create function public.staff_invite_to_opportunity(opportunity bigint, member uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.opportunities;
  r record;
  found_id bigint;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select * into o from public.opportunities where id = opportunity;
  if not found then
    raise exception 'not_found';
  end if;
  if o.status <> 'published' or (o.closes_at is not null and o.closes_at < now()) then
    raise exception 'not_open';
  end if;
  if not exists (select 1 from public.profiles p
      where p.id = member and p.role = 'member' and p.status = 'active' and p.deleted_at is null) then
    raise exception 'not_found';
  end if;
  select id into found_id from public.match_invitations where opportunity_id = opportunity and member_id = member;
  if found_id is not null then
    return jsonb_build_object('id', found_id, 'new', false);
  end if;
  select * into r from private.match_reasons(member, opportunity);
  insert into public.match_invitations (opportunity_id, member_id, invited_by, experience, skills, develop)
  values (opportunity, member, (select auth.uid()), coalesce(r.experience, '{}'), coalesce(r.skills, '{}'),
    coalesce(r.develop, '{}'))
  on conflict (opportunity_id, member_id) do nothing
  returning id into found_id;
  if found_id is null then
    select id into found_id from public.match_invitations where opportunity_id = opportunity and member_id = member;
    return jsonb_build_object('id', found_id, 'new', false);
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'member invited to apply', 'opportunity', opportunity::text,
    jsonb_build_object('member_id', member, 'invitation_id', found_id));
  return jsonb_build_object('id', found_id, 'new', true);
end
$$;

-- The member answers an invitation. Answering the same way again changes nothing.
create function public.answer_match_invitation(invitation bigint, accept boolean)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.match_invitations;
  answer text := case when accept then 'accepted' else 'declined' end;
begin
  select * into inv from public.match_invitations where id = invitation for update;
  if not found or not (select private.acts_for(inv.member_id)) then
    raise exception 'not_found';
  end if;
  if inv.status = answer then
    return answer;
  end if;
  update public.match_invitations set status = answer, answered_at = now() where id = invitation;
  return answer;
end
$$;

-- Calls for ideas --------------------------------------------------------------------------------

create table public.idea_calls (
  id bigint generated always as identity primary key,
  question text not null check (length(btrim(question)) between 5 and 300),
  details text check (details is null or length(details) <= 3000),
  closes_on date not null,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.idea_calls is 'A call for members'' ideas: a question and a closing date. Signed-in people read them; staff write.';

alter table public.idea_calls enable row level security;
revoke all on table public.idea_calls from anon, authenticated;
grant select, insert, update on table public.idea_calls to authenticated;

create policy "Signed-in people read calls for ideas" on public.idea_calls
  for select to authenticated using (true);

create policy "Staff open calls for ideas" on public.idea_calls
  for insert to authenticated
  with check ((select private.is_staff()) and created_by = (select auth.uid()));

create policy "Staff change calls for ideas" on public.idea_calls
  for update to authenticated
  using ((select private.is_staff())) with check ((select private.is_staff()));

create trigger idea_calls_touch before update on public.idea_calls
  for each row execute function private.touch_updated_at();

-- Ideas -------------------------------------------------------------------------------------------

alter table public.uploads drop constraint uploads_purpose_check;
alter table public.uploads add constraint uploads_purpose_check
  check (purpose in ('application_answer', 'receipt', 'idea'));

create table public.ideas (
  id bigint generated always as identity primary key,
  call_id bigint not null references public.idea_calls (id) on delete cascade,
  member_id uuid not null references public.profiles (id) on delete cascade,
  title text not null check (length(btrim(title)) between 3 and 120),
  mode public.answer_mode not null,
  body text check (body is null or length(body) <= 5000),
  upload_id uuid references public.uploads (id) on delete set null,
  status text not null default 'sent' check (status in ('sent', 'shortlisted', 'chosen', 'not_chosen')),
  published_at timestamptz,
  outcome text check (outcome is null or length(outcome) <= 3000),
  outcome_sent_at timestamptz,
  request_key uuid not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ideas_written_has_words check (mode <> 'written' or length(btrim(coalesce(body, ''))) >= 10)
);

comment on table public.ideas is 'Members'' ideas for a call. The member reads their own, staff all; published ones reach everyone signed in only through published_ideas(), without the sender.';

create index ideas_call on public.ideas (call_id, created_at);
create index ideas_member on public.ideas (member_id, created_at desc);

alter table public.ideas enable row level security;
revoke all on table public.ideas from anon, authenticated;
grant select on table public.ideas to authenticated;
grant update (status, published_at, outcome, outcome_sent_at) on table public.ideas to authenticated;

create policy "Members read their own ideas and staff read all" on public.ideas
  for select to authenticated
  using ((select private.acts_for(member_id)) or (select private.is_staff()));

create policy "Staff shortlist, choose and answer ideas" on public.ideas
  for update to authenticated
  using ((select private.is_staff())) with check ((select private.is_staff()));

create trigger ideas_touch before update on public.ideas
  for each row execute function private.touch_updated_at();

-- The member sends an idea. A retry with the same request key returns the same idea.
create function public.submit_idea(call bigint, title text, mode public.answer_mode, body text,
  upload uuid, request_key uuid)
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  c public.idea_calls;
  found_id bigint;
begin
  if me is null or not exists (select 1 from public.profiles p
      where p.id = me and p.deleted_at is null and p.status <> 'left') then
    raise exception 'not_allowed';
  end if;
  if request_key is null then
    raise exception 'request_key_missing';
  end if;
  select i.id into found_id from public.ideas i where i.request_key = submit_idea.request_key;
  if found_id is not null then
    if not exists (select 1 from public.ideas i where i.id = found_id and i.member_id = me) then
      raise exception 'not_allowed';
    end if;
    return found_id;
  end if;
  select * into c from public.idea_calls where id = call;
  if not found then
    raise exception 'not_found';
  end if;
  if c.closes_on < (now() at time zone 'Europe/London')::date then
    raise exception 'closed';
  end if;
  if mode = 'audio' and (upload is null or not exists (select 1 from public.uploads u
      where u.id = upload and u.owner_id = me and u.purpose = 'idea')) then
    raise exception 'upload_missing';
  end if;
  insert into public.ideas (call_id, member_id, title, mode, body, upload_id, request_key)
  values (call, me, btrim(title), mode, nullif(btrim(coalesce(body, '')), ''),
    case when mode = 'audio' then upload end, submit_idea.request_key)
  on conflict on constraint ideas_request_key_key do nothing
  returning id into found_id;
  if found_id is null then
    select i.id into found_id from public.ideas i where i.request_key = submit_idea.request_key and i.member_id = me;
  end if;
  return found_id;
end
$$;

-- Published ideas of a call, for everyone signed in: the idea, never who sent it.
create function public.published_ideas(call bigint)
returns table (id bigint, title text, mode public.answer_mode, body text, status text, published_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select i.id, i.title, i.mode, case when i.mode = 'audio' then null else i.body end, i.status, i.published_at
  from public.ideas i
  where i.call_id = call and i.published_at is not null and (select auth.uid()) is not null
  order by i.published_at, i.id
$$;

-- Deleting a member's data removes what they shared for matching, their invitations and ideas --------

create function private.remove_matching_on_deletion() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.matching_profiles where member_id = new.id;
  delete from public.match_invitations where member_id = new.id;
  delete from public.ideas where member_id = new.id;
  return new;
end
$$;

create trigger profiles_remove_matching after update of deleted_at on public.profiles
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function private.remove_matching_on_deletion();

revoke all on function private.remove_matching_on_deletion() from public;

revoke all on function public.save_matching_profile(text[], text[], text[]),
  public.staff_suggested_members(bigint), public.staff_invite_to_opportunity(bigint, uuid),
  public.answer_match_invitation(bigint, boolean),
  public.submit_idea(bigint, text, public.answer_mode, text, uuid, uuid),
  public.published_ideas(bigint) from public, anon;
grant execute on function public.save_matching_profile(text[], text[], text[]),
  public.staff_suggested_members(bigint), public.staff_invite_to_opportunity(bigint, uuid),
  public.answer_match_invitation(bigint, boolean),
  public.submit_idea(bigint, text, public.answer_mode, text, uuid, uuid),
  public.published_ideas(bigint) to authenticated;

-- A chosen idea becomes part of a project (staff link it; members read only the words staff send).
alter table public.ideas add column project_id bigint references public.projects (id) on delete set null;
comment on column public.ideas.project_id is 'The project a chosen idea became part of (staff only set it).';
grant update (project_id) on table public.ideas to authenticated;

-- The member's own matching and ideas rows, added to the download of everything held about them.
create function public.my_matching_data() returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'matching_profile', (select to_jsonb(m) - 'member_id' from public.matching_profiles m
      where m.member_id = (select auth.uid())),
    'match_invitations', coalesce((select jsonb_agg(jsonb_build_object('opportunity_id', i.opportunity_id,
        'status', i.status, 'experience', i.experience, 'skills', i.skills, 'develop', i.develop,
        'created_at', i.created_at, 'answered_at', i.answered_at) order by i.created_at)
      from public.match_invitations i where i.member_id = (select auth.uid())), '[]'),
    'ideas', coalesce((select jsonb_agg(jsonb_build_object('call_id', x.call_id, 'title', x.title,
        'mode', x.mode, 'body', x.body, 'upload_id', x.upload_id, 'status', x.status,
        'published_at', x.published_at, 'outcome', case when x.outcome_sent_at is not null then x.outcome end,
        'created_at', x.created_at) order by x.created_at)
      from public.ideas x where x.member_id = (select auth.uid())), '[]'))
$$;

revoke all on function public.my_matching_data() from public, anon;
grant execute on function public.my_matching_data() to authenticated;
