-- Claim lines and claim events are read exactly when their claim is: by staff, and by the member
-- whose claim it is. The old policies called private.may_see_claim(claim_id) once for every row, so
-- a member's totals and the staff claims queue paid one function call (and one claims lookup) per
-- line. Written as a set of the member's own claim ids, the planner joins once (a hashed subplan
-- over claims_member), and staff pass on one check evaluated once per query.
drop policy "Members and staff read claim lines they may see" on public.claim_lines;
create policy "Members and staff read claim lines they may see" on public.claim_lines
  for select to authenticated
  using (
    (select private.is_staff())
    or claim_id in (select c.id from public.claims c where c.member_id = (select auth.uid()))
  );

drop policy "Members and staff read claim events they may see" on public.claim_events;
create policy "Members and staff read claim events they may see" on public.claim_events
  for select to authenticated
  using (
    (select private.is_staff())
    or claim_id in (select c.id from public.claims c where c.member_id = (select auth.uid()))
  );
