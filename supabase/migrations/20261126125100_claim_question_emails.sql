-- A staff question about a claim is emailed to the member once per decision, however often the
-- button is pressed or the request retried: the first caller to claim the email for the decision's
-- event sends it; everyone after is told it is already sent.

create table public.claim_question_emails (
  event_id bigint primary key references public.claim_events (id) on delete cascade,
  claimed_by uuid references public.profiles (id) on delete set null,
  claimed_at timestamptz not null default now()
);

comment on table public.claim_question_emails is
  'Which claim questions have had their email sent (or are being sent). Written only by claim_question_email_due().';

alter table public.claim_question_emails enable row level security;
revoke all on table public.claim_question_emails from anon, authenticated;

-- True exactly once for the question recorded under this request key; false when it is already
-- claimed, or there is no such question.
create function public.claim_question_email_due(claim bigint, request_key uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  event bigint;
  taken bigint;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select e.id into event from public.claim_events e
  where e.claim_id = claim_question_email_due.claim and e.request_key = claim_question_email_due.request_key
    and e.status = 'query';
  if event is null then
    return false;
  end if;
  insert into public.claim_question_emails (event_id, claimed_by) values (event, (select auth.uid()))
  on conflict (event_id) do nothing
  returning event_id into taken;
  return taken is not null;
end
$$;

revoke all on function public.claim_question_email_due(bigint, uuid) from public, anon;
grant execute on function public.claim_question_email_due(bigint, uuid) to authenticated;
