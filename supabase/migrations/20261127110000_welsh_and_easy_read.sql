-- Welsh versions of opportunities, and the jargon list the easy-read checker warns about.

-- Opportunities may carry Welsh versions of their words. Empty means "not in Welsh yet": members
-- reading in Welsh then see the English, with a note. The table's policies already decide who
-- reads a row (anyone: published and closed; staff: all), and these columns go with their row.
alter table public.opportunities
  add column title_cy text check (title_cy is null or length(btrim(title_cy)) between 3 and 120),
  add column summary_cy text check (summary_cy is null or length(btrim(summary_cy)) between 10 and 300),
  add column description_cy text not null default '' check (length(description_cy) <= 10000),
  add column easy_read_cy jsonb not null default '[]' check (private.valid_easy_read(easy_read_cy));

comment on column public.opportunities.title_cy is 'The title in Welsh, or null when there is no Welsh version.';
comment on column public.opportunities.easy_read_cy is 'The easy-read points in Welsh: [{"text", "pictogram"}], as easy_read.';

-- Words the easy-read checker flags in staff's easy-read points, each with a plainer way to say it.
-- Staff read the list (the checker uses it); admins keep it.
create table public.easy_read_jargon (
  id bigint generated always as identity primary key,
  word text not null check (length(btrim(word)) between 2 and 60 and word = lower(btrim(word))),
  instead text not null default '' check (length(instead) <= 200),
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  constraint easy_read_jargon_word_unique unique (word)
);

comment on table public.easy_read_jargon is 'Jargon the easy-read checker warns about, with plainer words. Staff read it; admins edit it.';

alter table public.easy_read_jargon enable row level security;

revoke all on table public.easy_read_jargon from anon, authenticated;
grant select, insert, update, delete on table public.easy_read_jargon to authenticated;

create policy "Staff read the jargon list" on public.easy_read_jargon
  for select to authenticated
  using ((select private.is_staff()));

create policy "Admins add jargon" on public.easy_read_jargon
  for insert to authenticated
  with check ((select private.is_admin()));

create policy "Admins change jargon" on public.easy_read_jargon
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "Admins remove jargon" on public.easy_read_jargon
  for delete to authenticated
  using ((select private.is_admin()));

-- A starting list of words that often creep into writing about involvement.
insert into public.easy_read_jargon (word, instead, created_by) values
  ('co-production', 'working together as equals', null),
  ('coproduction', 'working together as equals', null),
  ('stakeholder', 'people who are involved', null),
  ('stakeholders', 'people who are involved', null),
  ('remuneration', 'pay', null),
  ('facilitate', 'help, run', null),
  ('facilitator', 'the person who runs the meeting', null),
  ('utilise', 'use', null),
  ('commence', 'start', null),
  ('in accordance with', 'as the rules say', null),
  ('lived experience', 'your own life', null),
  ('engagement', 'taking part', null),
  ('deliverables', 'what we will make', null),
  ('governance', 'how decisions are made', null),
  ('reimbursement', 'paying you back', null),
  ('reimburse', 'pay you back', null),
  ('expenditure', 'spending', null),
  ('eligible', 'can', null),
  ('eligibility', 'who can take part', null),
  ('prior to', 'before', null),
  ('in order to', 'to', null),
  ('mandatory', 'you must', null),
  ('consultation', 'asking people what they think', null),
  ('ascertain', 'find out', null),
  ('endeavour', 'try', null),
  ('leverage', 'use', null),
  ('holistic', 'whole', null),
  ('outcomes', 'what changes', null),
  ('lay member', 'member who is not paid staff', null),
  ('terms of reference', 'rules for the group', null)
on conflict (word) do nothing;
