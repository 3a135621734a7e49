-- The email a member gets when they send an application goes out once, however often the send is
-- pressed or retried: the server first claims the "submitted" event (stamping its emailed_at), and
-- only the request that made the claim sends the email.

create function public.claim_submission_email(application bigint) returns boolean
language sql volatile security definer set search_path = ''
as $$
  with claimed as (
    update public.application_events e
    set emailed_at = now()
    from public.applications a
    where a.id = claim_submission_email.application
      and e.application_id = a.id
      and e.status = 'submitted'
      and e.emailed_at is null
      and (select private.acts_for(a.member_id))
    returning e.id
  )
  select exists (select 1 from claimed)
$$;

comment on function public.claim_submission_email(bigint) is 'Marks the confirmation email of a sent application as going out. True for the one call that claims it; false after that, or for someone else''s application.';

revoke all on function public.claim_submission_email(bigint) from public, anon;
grant execute on function public.claim_submission_email(bigint) to authenticated;
