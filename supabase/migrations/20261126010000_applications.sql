-- Applications: the questions staff set, members' drafts and answers (written, audio or a phone
-- call), submitting, staff review with notes and decisions, the steering group recruitment panel,
-- involvements (accepted places), and what members want to hear about.
--
-- Members never write applications directly: start, submit, withdraw and answer an offer are
-- functions that check who is asking, so each is one transaction and cannot be used on someone
-- else's application. Answers to a draft are written by the member through RLS. Staff decisions are
-- one function: status, message, audit row and involvement together, or none of them.
--
-- Who may act for a member goes through private.acts_for(member), so that supporters (a later
-- change) need only that one function widened.

-- Types --------------------------------------------------------------------------------------

create type public.question_kind as enum ('text', 'choice', 'yes_no');
create type public.answer_mode as enum ('written', 'audio', 'phone_call');
create type public.application_status as enum (
  'draft',
  'submitted',
  'shortlisted',
  'interview',
  'offered',
  'accepted',
  'not_selected',
  'withdrawn'
);
create type public.notify_rhythm as enum ('as_they_come', 'weekly', 'off');

-- Is the signed-in person this member, or someone allowed to act for them?
create function private.acts_for(member uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select member = (select auth.uid())
$$;

revoke all on function private.acts_for(uuid) from public;
grant execute on function private.acts_for(uuid) to authenticated, service_role;

-- Raised errors carry a short key as their message; the app turns each into plain words.
--   opportunity_closed   the opportunity is not published, or its closing date has passed
--   not_found            no such application for this person
--   answers_missing      a required question has no answer
--   not_allowed          the person may not do this
--   wrong_status         the application is not at a stage where this can happen

-- Interests and notifications ------------------------------------------------------------------
-- profiles.interests already holds the topics a member cares about.

alter table public.profiles
  add column interest_types public.opportunity_type[] not null default '{}',
  add column notify_rhythm public.notify_rhythm not null default 'weekly';

comment on column public.profiles.interest_types is 'Kinds of opportunity the member wants to hear about; none chosen means every kind.';
comment on column public.profiles.notify_rhythm is 'How often new matching opportunities are emailed. Messages about their own applications, claims and adjustments are sent whatever this says.';

grant update (interest_types, notify_rhythm) on table public.profiles to authenticated;

-- Which new opportunities each member has been told about, so nobody hears twice.
create table public.opportunity_alerts (
  member_id uuid not null references public.profiles (id) on delete cascade,
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  sent_at timestamptz not null default now(),
  primary key (member_id, opportunity_id)
);

comment on table public.opportunity_alerts is 'New-opportunity emails already sent. Written and read only by the server''s system job.';

create index opportunity_alerts_sent on public.opportunity_alerts (member_id, sent_at desc);

-- Alerts start from now: what was published before members could choose is not sent again.
insert into public.opportunity_alerts (member_id, opportunity_id, sent_at)
select p.id, o.id, now()
from public.profiles p
join public.opportunities o on o.published_at is not null
where p.role = 'member'
on conflict do nothing;

alter table public.opportunity_alerts enable row level security;
revoke all on table public.opportunity_alerts from anon, authenticated;

-- Members who should now hear about opportunities, and which ones: published, open, matching their
-- topics (any of them, or none chosen) and types (any, or none chosen), published after they joined
-- or in the last 30 days, and not sent before. "As they come" members are due at once; weekly
-- members when they had nothing in the last 7 days.
create function public.due_opportunity_alerts()
returns table (
  member_id uuid,
  email text,
  name text,
  rhythm public.notify_rhythm,
  opportunity_id bigint
)
language sql stable set search_path = ''
as $$
  select p.id, p.email, coalesce(p.preferred_name, p.full_name), p.notify_rhythm, o.id
  from public.profiles p
  join public.opportunities o
    on o.status = 'published'
   and (o.closes_at is null or o.closes_at > now())
   and o.published_at > greatest(p.created_at, now() - interval '30 days')
   and (cardinality(p.interests) = 0 or o.topics && p.interests)
   and (cardinality(p.interest_types) = 0 or o.type = any (p.interest_types))
  where p.role = 'member'
    and p.status = 'active'
    and p.notify_rhythm <> 'off'
    and not exists (
      select 1 from public.opportunity_alerts a where a.member_id = p.id and a.opportunity_id = o.id
    )
    and (
      p.notify_rhythm = 'as_they_come'
      or not exists (
        select 1 from public.opportunity_alerts a
        where a.member_id = p.id and a.sent_at > now() - interval '7 days'
      )
    )
  order by p.id, o.closes_at nulls last, o.id
$$;

revoke all on function public.due_opportunity_alerts() from public, anon, authenticated;
grant execute on function public.due_opportunity_alerts() to service_role;

-- Opportunities whose closing date has passed stop taking applications at once (the functions
-- below check the date); this tidies their status for lists. Run by the server's system job.
create function public.close_past_opportunities() returns integer
language sql volatile set search_path = ''
as $$
  with closed as (
    update public.opportunities set status = 'closed'
    where status = 'published' and closes_at is not null and closes_at <= now()
    returning 1
  )
  select count(*)::integer from closed
$$;

revoke all on function public.close_past_opportunities() from public, anon, authenticated;
grant execute on function public.close_past_opportunities() to service_role;

-- Application questions --------------------------------------------------------------------------

create table public.application_questions (
  id bigint generated always as identity primary key,
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  position integer not null check (position between 1 and 100),
  kind public.question_kind not null,
  prompt text not null check (length(btrim(prompt)) between 3 and 300),
  hint text check (hint is null or length(hint) <= 600),
  options text[] not null default '{}',
  required boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint application_questions_options check (
    case kind
      when 'choice' then cardinality(options) between 2 and 12
      else cardinality(options) = 0
    end
  ),
  unique (opportunity_id, position) deferrable initially deferred
);

comment on table public.application_questions is 'The questions an application asks, in order. Readable wherever the opportunity is; written by staff.';

alter table public.application_questions enable row level security;
revoke all on table public.application_questions from anon, authenticated;
grant select on table public.application_questions to anon, authenticated;
grant insert, update, delete on table public.application_questions to authenticated;

-- The subquery runs under the reader's own policies on opportunities.
create policy "Questions are read with their opportunity" on public.application_questions
  for select to anon, authenticated
  using (exists (select 1 from public.opportunities o where o.id = opportunity_id));

create policy "Staff add questions" on public.application_questions
  for insert to authenticated
  with check ((select private.is_staff()));

create policy "Staff change questions" on public.application_questions
  for update to authenticated
  using ((select private.is_staff()))
  with check ((select private.is_staff()));

create policy "Staff remove questions" on public.application_questions
  for delete to authenticated
  using ((select private.is_staff()));

create trigger application_questions_touch before update on public.application_questions
  for each row execute function private.touch_updated_at();

-- Person specification: what the panel scores steering group applicants against.
create table public.recruitment_criteria (
  id bigint generated always as identity primary key,
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  position integer not null check (position between 1 and 50),
  title text not null check (length(btrim(title)) between 3 and 200),
  description text check (description is null or length(description) <= 1000),
  created_at timestamptz not null default now(),
  unique (opportunity_id, position) deferrable initially deferred
);

comment on table public.recruitment_criteria is 'Person-specification criteria of a recruitment round. Public with the role description; written by staff.';

alter table public.recruitment_criteria enable row level security;
revoke all on table public.recruitment_criteria from anon, authenticated;
grant select on table public.recruitment_criteria to anon, authenticated;
grant insert, update, delete on table public.recruitment_criteria to authenticated;

create policy "Criteria are read with their opportunity" on public.recruitment_criteria
  for select to anon, authenticated
  using (exists (select 1 from public.opportunities o where o.id = opportunity_id));

create policy "Staff add criteria" on public.recruitment_criteria
  for insert to authenticated
  with check ((select private.is_staff()));

create policy "Staff change criteria" on public.recruitment_criteria
  for update to authenticated
  using ((select private.is_staff()))
  with check ((select private.is_staff()));

create policy "Staff remove criteria" on public.recruitment_criteria
  for delete to authenticated
  using ((select private.is_staff()));

-- Uploads ------------------------------------------------------------------------------------------
-- Files members give us (audio answers now; receipts later), kept in the database with their type,
-- size and SHA-256. The server checks the content before storing it.

create table public.uploads (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references public.profiles (id) on delete cascade,
  purpose text not null check (purpose in ('application_answer')),
  content_type text not null check (content_type ~ '^(audio|image|application)/[a-z0-9.+-]{1,60}$'),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  data bytea not null,
  created_at timestamptz not null default now(),
  constraint uploads_size_matches check (octet_length(data) = size_bytes)
);

comment on table public.uploads is 'Files members upload, at most 10 MB each. The owner and staff can read them.';

create index uploads_owner on public.uploads (owner_id, created_at desc);

alter table public.uploads enable row level security;
revoke all on table public.uploads from anon, authenticated;
grant select, insert, delete on table public.uploads to authenticated;

create policy "Owners read their uploads" on public.uploads
  for select to authenticated
  using ((select private.acts_for(owner_id)));

create policy "Staff read uploads" on public.uploads
  for select to authenticated
  using ((select private.is_staff()));

create policy "Members upload their own files" on public.uploads
  for insert to authenticated
  with check (owner_id = (select auth.uid()));

create policy "Owners remove their uploads" on public.uploads
  for delete to authenticated
  using (owner_id = (select auth.uid()));

-- Applications --------------------------------------------------------------------------------------

create table public.applications (
  id bigint generated always as identity primary key,
  opportunity_id bigint not null references public.opportunities (id) on delete restrict,
  member_id uuid not null references public.profiles (id) on delete cascade,
  status public.application_status not null default 'draft',
  submit_key uuid unique,
  submitted_at timestamptz,
  interview_at timestamptz,
  interview_place text check (interview_place is null or length(interview_place) <= 500),
  term_starts_on date,
  term_ends_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (opportunity_id, member_id),
  constraint applications_term_in_order check (term_ends_on is null or term_starts_on is null or term_ends_on >= term_starts_on),
  constraint applications_submitted_when check ((status = 'draft') = (submitted_at is null))
);

comment on table public.applications is 'One per member per opportunity; a draft until submitted. Members read their own; staff read all. Changed only by the functions below.';

create index applications_member on public.applications (member_id, updated_at desc);
create index applications_opportunity_status on public.applications (opportunity_id, status);

alter table public.applications enable row level security;
revoke all on table public.applications from anon, authenticated;
grant select on table public.applications to authenticated;

create policy "Members read their own applications" on public.applications
  for select to authenticated
  using ((select private.acts_for(member_id)));

-- Staff see submitted applications; a draft is the member's own until they send it.
create policy "Staff read submitted applications" on public.applications
  for select to authenticated
  using ((select private.is_staff()) and status <> 'draft');

create trigger applications_touch before update on public.applications
  for each row execute function private.touch_updated_at();

create table public.application_answers (
  application_id bigint not null references public.applications (id) on delete cascade,
  question_id bigint not null references public.application_questions (id) on delete restrict,
  mode public.answer_mode not null default 'written',
  answer text check (answer is null or length(answer) <= 5000),
  upload_id uuid references public.uploads (id) on delete restrict,
  updated_at timestamptz not null default now(),
  primary key (application_id, question_id),
  constraint application_answers_complete check (
    case mode
      when 'written' then answer is not null and length(btrim(answer)) > 0 and upload_id is null
      when 'audio' then upload_id is not null
      when 'phone_call' then upload_id is null
    end
  )
);

comment on table public.application_answers is 'Answers to an application''s questions: written, an audio recording, or a request for a phone call.';

create index application_answers_upload on public.application_answers (upload_id) where upload_id is not null;

alter table public.application_answers enable row level security;
revoke all on table public.application_answers from anon, authenticated;
grant select, insert, update, delete on table public.application_answers to authenticated;

-- Is this the signed-in member's own application, still a draft, for an opportunity still open?
create function private.own_open_draft(application bigint) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.applications a
    join public.opportunities o on o.id = a.opportunity_id
    where a.id = application
      and a.status = 'draft'
      and (select private.acts_for(a.member_id))
      and o.status = 'published'
      and (o.closes_at is null or o.closes_at > now())
  )
$$;

revoke all on function private.own_open_draft(bigint) from public;
grant execute on function private.own_open_draft(bigint) to authenticated, service_role;

create policy "Answers are read with their application" on public.application_answers
  for select to authenticated
  using (exists (select 1 from public.applications a where a.id = application_id));

create policy "Members answer their own open draft" on public.application_answers
  for insert to authenticated
  with check (
    (select private.own_open_draft(application_id))
    and exists (
      select 1 from public.application_questions q
      join public.applications a on a.opportunity_id = q.opportunity_id
      where q.id = question_id and a.id = application_id
    )
    and (upload_id is null or exists (
      select 1 from public.uploads u where u.id = upload_id and u.owner_id = (select auth.uid())
    ))
  );

create policy "Members change answers in their own open draft" on public.application_answers
  for update to authenticated
  using ((select private.own_open_draft(application_id)))
  with check (
    (select private.own_open_draft(application_id))
    and (upload_id is null or exists (
      select 1 from public.uploads u where u.id = upload_id and u.owner_id = (select auth.uid())
    ))
  );

create policy "Members clear answers in their own open draft" on public.application_answers
  for delete to authenticated
  using ((select private.own_open_draft(application_id)));

create trigger application_answers_touch before update on public.application_answers
  for each row execute function private.touch_updated_at();

-- What happened to an application, in order, with the message the member was sent.
create table public.application_events (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.applications (id) on delete cascade,
  status public.application_status not null,
  at timestamptz not null default now(),
  actor_id uuid references public.profiles (id) on delete set null,
  request_key uuid,
  message_subject text check (message_subject is null or length(message_subject) <= 200),
  message_body text check (message_body is null or length(message_body) <= 5000),
  emailed_at timestamptz,
  unique (application_id, request_key)
);

comment on table public.application_events is 'The timeline of each application and the messages sent about it. The member and staff read it; functions write it.';

create index application_events_application on public.application_events (application_id, at);

alter table public.application_events enable row level security;
revoke all on table public.application_events from anon, authenticated;
grant select on table public.application_events to authenticated;

create policy "Timeline is read with its application" on public.application_events
  for select to authenticated
  using (exists (select 1 from public.applications a where a.id = application_id));

-- Staff notes: never shown to members.
create table public.application_notes (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.applications (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  body text not null check (length(btrim(body)) between 1 and 5000),
  created_at timestamptz not null default now()
);

comment on table public.application_notes is 'Private notes staff keep on an application. Staff only.';

create index application_notes_application on public.application_notes (application_id, created_at);

alter table public.application_notes enable row level security;
revoke all on table public.application_notes from anon, authenticated;
grant select, insert on table public.application_notes to authenticated;

create policy "Staff read notes" on public.application_notes
  for select to authenticated
  using ((select private.is_staff()));

create policy "Staff write notes as themselves" on public.application_notes
  for insert to authenticated
  with check ((select private.is_staff()) and author_id = (select auth.uid()));

create function private.audit_application_note() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'application note added', 'application', new.application_id::text,
          jsonb_build_object('note_id', new.id));
  return new;
end
$$;

create trigger application_notes_audit after insert on public.application_notes
  for each row execute function private.audit_application_note();

-- Involvements: places members took up. The year's figures count these.
create table public.involvements (
  id bigint generated always as identity primary key,
  member_id uuid not null references public.profiles (id) on delete cascade,
  opportunity_id bigint not null references public.opportunities (id) on delete restrict,
  application_id bigint unique references public.applications (id) on delete set null,
  role text not null check (length(btrim(role)) between 1 and 200),
  starts_on date,
  ends_on date,
  created_at timestamptz not null default now(),
  constraint involvements_dates_in_order check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

comment on table public.involvements is 'A member''s place in an opportunity (role and dates). Members read their own; staff read all.';

create index involvements_member on public.involvements (member_id);
create index involvements_opportunity on public.involvements (opportunity_id);

alter table public.involvements enable row level security;
revoke all on table public.involvements from anon, authenticated;
grant select on table public.involvements to authenticated;

create policy "Members read their own involvements" on public.involvements
  for select to authenticated
  using ((select private.acts_for(member_id)));

create policy "Staff read involvements" on public.involvements
  for select to authenticated
  using ((select private.is_staff()));

-- Steering group recruitment panel ----------------------------------------------------------------

create table public.panel_members (
  opportunity_id bigint not null references public.opportunities (id) on delete cascade,
  staff_id uuid not null references public.profiles (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (opportunity_id, staff_id)
);

comment on table public.panel_members is 'Who sits on the panel of a recruitment round. Staff only.';

alter table public.panel_members enable row level security;
revoke all on table public.panel_members from anon, authenticated;
grant select, insert, delete on table public.panel_members to authenticated;

create policy "Staff read panels" on public.panel_members
  for select to authenticated
  using ((select private.is_staff()));

create policy "Staff add panel members" on public.panel_members
  for insert to authenticated
  with check (
    (select private.is_staff())
    and exists (
      select 1 from public.profiles p
      where p.id = staff_id and p.role in ('staff', 'admin') and p.status <> 'left'
    )
  );

create policy "Staff remove panel members" on public.panel_members
  for delete to authenticated
  using ((select private.is_staff()));

create table public.panel_scores (
  application_id bigint not null references public.applications (id) on delete cascade,
  criterion_id bigint not null references public.recruitment_criteria (id) on delete cascade,
  scorer_id uuid not null references public.profiles (id) on delete cascade,
  score integer not null check (score between 0 and 3),
  comment text check (comment is null or length(comment) <= 2000),
  updated_at timestamptz not null default now(),
  primary key (application_id, criterion_id, scorer_id)
);

comment on table public.panel_scores is 'Each panel member''s own score of each shortlisted applicant against each criterion (0 to 3). Others'' scores are hidden until the whole panel has scored that applicant.';

alter table public.panel_scores enable row level security;
revoke all on table public.panel_scores from anon, authenticated;
grant select, insert, update on table public.panel_scores to authenticated;

-- Has every panel member scored every criterion for this application? Security definer so a
-- panel member can ask without seeing the others' scores.
create function private.all_scored(application bigint) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.panel_members pm join public.applications a on a.opportunity_id = pm.opportunity_id where a.id = application)
    and exists (select 1 from public.recruitment_criteria c join public.applications a on a.opportunity_id = c.opportunity_id where a.id = application)
    and not exists (
      select 1
      from public.applications a
      join public.panel_members pm on pm.opportunity_id = a.opportunity_id
      join public.recruitment_criteria c on c.opportunity_id = a.opportunity_id
      where a.id = application
        and not exists (
          select 1 from public.panel_scores s
          where s.application_id = a.id and s.criterion_id = c.id and s.scorer_id = pm.staff_id
        )
    )
$$;

-- May the signed-in person score this application on this criterion? They sit on its round's
-- panel, the criterion is the round's, and the applicant is shortlisted or invited to interview.
create function private.may_score(application bigint, criterion bigint) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.applications a
    join public.panel_members pm on pm.opportunity_id = a.opportunity_id and pm.staff_id = (select auth.uid())
    join public.recruitment_criteria c on c.opportunity_id = a.opportunity_id and c.id = criterion
    where a.id = application and a.status in ('shortlisted', 'interview')
  ) and (select private.is_staff())
$$;

revoke all on function private.all_scored(bigint), private.may_score(bigint, bigint) from public;
grant execute on function private.all_scored(bigint), private.may_score(bigint, bigint) to authenticated, service_role;

create policy "Panel members read their own scores" on public.panel_scores
  for select to authenticated
  using (scorer_id = (select auth.uid()) and (select private.is_staff()));

create policy "Staff read scores once the whole panel has scored" on public.panel_scores
  for select to authenticated
  using ((select private.is_staff()) and private.all_scored(application_id));

create policy "Panel members score" on public.panel_scores
  for insert to authenticated
  with check (scorer_id = (select auth.uid()) and private.may_score(application_id, criterion_id));

create policy "Panel members change their own scores" on public.panel_scores
  for update to authenticated
  using (scorer_id = (select auth.uid()))
  with check (scorer_id = (select auth.uid()) and private.may_score(application_id, criterion_id));

create trigger panel_scores_touch before update on public.panel_scores
  for each row execute function private.touch_updated_at();

-- How far each shortlisted applicant's scoring has got, without showing anyone's scores.
create function public.scoring_progress(round bigint)
returns table (application_id bigint, scorers_done integer, panel_size integer, complete boolean)
language sql stable security definer set search_path = ''
as $$
  select a.id,
    (select count(*)::integer from public.panel_members pm
      where pm.opportunity_id = a.opportunity_id
        and (select count(*) from public.panel_scores s
             join public.recruitment_criteria c on c.id = s.criterion_id and c.opportunity_id = a.opportunity_id
             where s.application_id = a.id and s.scorer_id = pm.staff_id)
          = (select count(*) from public.recruitment_criteria c where c.opportunity_id = a.opportunity_id)),
    (select count(*)::integer from public.panel_members pm where pm.opportunity_id = a.opportunity_id),
    private.all_scored(a.id)
  from public.applications a
  where a.opportunity_id = round
    and a.status in ('shortlisted', 'interview', 'offered', 'accepted', 'not_selected')
    and (select private.is_staff())
  order by a.id
$$;

revoke all on function public.scoring_progress(bigint) from public, anon;
grant execute on function public.scoring_progress(bigint) to authenticated;

-- Who is on the steering group now: names and terms, for members to see.
create function public.steering_group()
returns table (name text, role text, starts_on date, ends_on date)
language sql stable security definer set search_path = ''
as $$
  select p.full_name, i.role, i.starts_on, i.ends_on
  from public.involvements i
  join public.opportunities o on o.id = i.opportunity_id and o.type = 'steering_group_role'
  join public.profiles p on p.id = i.member_id and p.status <> 'left'
  where (i.ends_on is null or i.ends_on >= current_date)
    and (select auth.uid()) is not null
  order by p.full_name
$$;

revoke all on function public.steering_group() from public, anon;
grant execute on function public.steering_group() to authenticated;

-- Member actions ---------------------------------------------------------------------------------

-- Start (or carry on with) the signed-in member's application to an open opportunity.
create function public.start_application(opportunity bigint)
returns public.applications
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  app public.applications;
begin
  if me is null or not exists (select 1 from public.profiles where id = me and status <> 'left') then
    raise exception 'not_allowed';
  end if;
  select * into app from public.applications where opportunity_id = opportunity and member_id = me;
  if found then
    return app;
  end if;
  if not exists (
    select 1 from public.opportunities o
    where o.id = opportunity and o.status = 'published' and (o.closes_at is null or o.closes_at > now())
  ) then
    raise exception 'opportunity_closed';
  end if;
  insert into public.applications (opportunity_id, member_id) values (opportunity, me)
  on conflict (opportunity_id, member_id) do nothing
  returning * into app;
  if not found then
    select * into app from public.applications where opportunity_id = opportunity and member_id = me;
  end if;
  return app;
end
$$;

-- Send a draft. The same request_key again (a double tap or a retry) returns the same application;
-- an application already sent is returned as it is.
create function public.submit_application(application bigint, request_key uuid)
returns public.applications
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.applications;
begin
  select * into app from public.applications where id = application for update;
  if not found or not (select private.acts_for(app.member_id)) then
    raise exception 'not_found';
  end if;
  if app.status <> 'draft' then
    return app;
  end if;
  if not exists (
    select 1 from public.opportunities o
    where o.id = app.opportunity_id and o.status = 'published' and (o.closes_at is null or o.closes_at > now())
  ) then
    raise exception 'opportunity_closed';
  end if;
  if exists (
    select 1 from public.application_questions q
    where q.opportunity_id = app.opportunity_id and q.required
      and not exists (select 1 from public.application_answers x where x.application_id = app.id and x.question_id = q.id)
  ) then
    raise exception 'answers_missing';
  end if;

  update public.applications
  set status = 'submitted', submitted_at = now(), submit_key = request_key
  where id = app.id
  returning * into app;

  insert into public.application_events (application_id, status, actor_id, request_key)
  values (app.id, 'submitted', (select auth.uid()), request_key);

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'application submitted', 'application', app.id::text,
          jsonb_build_object('opportunity_id', app.opportunity_id));
  return app;
end
$$;

-- Withdraw an application that is still open (sent, but not yet accepted or turned down).
create function public.withdraw_application(application bigint)
returns public.applications
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.applications;
begin
  select * into app from public.applications where id = application for update;
  if not found or not (select private.acts_for(app.member_id)) then
    raise exception 'not_found';
  end if;
  if app.status = 'withdrawn' then
    return app;
  end if;
  if app.status not in ('submitted', 'shortlisted', 'interview', 'offered') then
    raise exception 'wrong_status';
  end if;

  update public.applications set status = 'withdrawn' where id = app.id returning * into app;
  insert into public.application_events (application_id, status, actor_id)
  values (app.id, 'withdrawn', (select auth.uid()));
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), 'application withdrawn', 'application', app.id::text,
          jsonb_build_object('opportunity_id', app.opportunity_id));
  return app;
end
$$;

-- Records the place as the member's involvement, with the offered term or the opportunity's dates.
create function private.record_involvement(app public.applications) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.involvements (member_id, opportunity_id, application_id, role, starts_on, ends_on)
  select app.member_id, o.id, app.id,
    case o.type when 'steering_group_role' then 'Steering group member' else o.title end,
    coalesce(app.term_starts_on, o.starts_on),
    coalesce(app.term_ends_on, o.ends_on)
  from public.opportunities o
  where o.id = app.opportunity_id
  on conflict (application_id) do nothing
$$;

revoke all on function private.record_involvement(public.applications) from public;

-- The member says yes or no to an offer. Yes records their involvement in the same transaction.
create function public.answer_offer(application bigint, accept boolean)
returns public.applications
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.applications;
  next_status public.application_status := case when accept then 'accepted' else 'withdrawn' end;
begin
  select * into app from public.applications where id = application for update;
  if not found or not (select private.acts_for(app.member_id)) then
    raise exception 'not_found';
  end if;
  if app.status = next_status then
    return app;
  end if;
  if app.status <> 'offered' then
    raise exception 'wrong_status';
  end if;

  update public.applications set status = next_status where id = app.id returning * into app;
  insert into public.application_events (application_id, status, actor_id)
  values (app.id, next_status, (select auth.uid()));
  if accept then
    perform private.record_involvement(app);
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values ((select auth.uid()), case when accept then 'offer accepted' else 'offer declined' end,
          'application', app.id::text, jsonb_build_object('opportunity_id', app.opportunity_id));
  return app;
end
$$;

-- Staff decisions -----------------------------------------------------------------------------------

-- Decide one or many applications at once: status, the member's message ({name} and {opportunity}
-- are filled in for each), interview details or the offered term, an audit row each, and an
-- involvement when a place is accepted — all in one transaction. With the same request_key again,
-- applications already decided by that request are left as they are, so a retry decides nothing
-- twice. Returns the events written now, whose messages the server then emails.
create function public.decide_applications(
  application_ids bigint[],
  decision public.application_status,
  request_key uuid,
  subject text,
  body text,
  interview_at timestamptz default null,
  interview_place text default null,
  term_starts_on date default null,
  term_ends_on date default null
)
returns setof public.application_events
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.applications;
  member_name text;
  opportunity_title text;
  event public.application_events;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  if decision not in ('shortlisted', 'interview', 'offered', 'accepted', 'not_selected') then
    raise exception 'wrong_status';
  end if;
  if request_key is null or coalesce(btrim(subject), '') = '' or coalesce(btrim(body), '') = '' then
    raise exception 'message_missing';
  end if;
  if decision = 'interview' and (interview_at is null or coalesce(btrim(interview_place), '') = '') then
    raise exception 'interview_missing';
  end if;

  for app in
    select * from public.applications where id = any (application_ids) order by id for update
  loop
    if exists (select 1 from public.application_events e where e.application_id = app.id and e.request_key = decide_applications.request_key) then
      continue;
    end if;
    if not (
      (app.status = 'submitted' and decision in ('shortlisted', 'interview', 'offered', 'not_selected'))
      or (app.status = 'shortlisted' and decision in ('interview', 'offered', 'not_selected'))
      or (app.status = 'interview' and decision in ('interview', 'offered', 'not_selected'))
      or (app.status = 'offered' and decision in ('accepted', 'not_selected'))
    ) then
      raise exception 'wrong_status' using detail = 'application ' || app.id || ' is ' || app.status;
    end if;

    select coalesce(p.preferred_name, p.full_name), o.title into member_name, opportunity_title
    from public.profiles p, public.opportunities o
    where p.id = app.member_id and o.id = app.opportunity_id;

    update public.applications a
    set status = decision,
        interview_at = case when decision = 'interview' then decide_applications.interview_at else a.interview_at end,
        interview_place = case when decision = 'interview' then decide_applications.interview_place else a.interview_place end,
        term_starts_on = case when decision = 'offered' then decide_applications.term_starts_on else a.term_starts_on end,
        term_ends_on = case when decision = 'offered' then decide_applications.term_ends_on else a.term_ends_on end
    where a.id = app.id
    returning * into app;

    insert into public.application_events (application_id, status, actor_id, request_key, message_subject, message_body)
    values (
      app.id, decision, (select auth.uid()), decide_applications.request_key,
      replace(replace(subject, '{name}', member_name), '{opportunity}', opportunity_title),
      replace(replace(body, '{name}', member_name), '{opportunity}', opportunity_title)
    )
    returning * into event;

    if decision = 'accepted' then
      perform private.record_involvement(app);
    end if;

    insert into public.audit_log (actor_id, action, entity, entity_id, details)
    values ((select auth.uid()), 'application ' || replace(decision::text, '_', ' '), 'application', app.id::text,
            jsonb_build_object('opportunity_id', app.opportunity_id, 'event_id', event.id));

    return next event;
  end loop;
  return;
end
$$;

-- The server records that a decision's message went out by email.
create function public.mark_messages_emailed(event_ids bigint[]) returns void
language sql volatile security definer set search_path = ''
as $$
  update public.application_events set emailed_at = now()
  where id = any (event_ids) and emailed_at is null and (select private.is_staff())
$$;

revoke all on function
  public.start_application(bigint),
  public.submit_application(bigint, uuid),
  public.withdraw_application(bigint),
  public.answer_offer(bigint, boolean),
  public.decide_applications(bigint[], public.application_status, uuid, text, text, timestamptz, text, date, date),
  public.mark_messages_emailed(bigint[])
from public, anon;
grant execute on function
  public.start_application(bigint),
  public.submit_application(bigint, uuid),
  public.withdraw_application(bigint),
  public.answer_offer(bigint, boolean),
  public.decide_applications(bigint[], public.application_status, uuid, text, text, timestamptz, text, date, date),
  public.mark_messages_emailed(bigint[])
to authenticated;
