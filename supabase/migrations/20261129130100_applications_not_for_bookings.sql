-- An event or training that takes bookings is booked, never applied for: the pages already send
-- members to the booking panel, and now the database refuses an application through the API too.
create or replace function public.start_application(opportunity bigint)
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
  if exists (select 1 from public.event_settings s where s.opportunity_id = opportunity) then
    raise exception 'books_places';
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
