-- Staff move an application question up or down its list. Swapping two positions takes two
-- updates, so it is one function (one transaction); the unique (opportunity_id, position)
-- constraint is checked at commit, when the swap is complete. Security invoker: the caller's own
-- policies on application_questions decide whether they may change them (staff only).

create function public.move_application_question(question bigint, direction text)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  this public.application_questions;
  other public.application_questions;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  if direction not in ('up', 'down') then
    raise exception 'wrong_direction';
  end if;
  select * into this from public.application_questions where id = question for update;
  if not found then
    raise exception 'not_found';
  end if;
  if direction = 'up' then
    select * into other from public.application_questions
    where opportunity_id = this.opportunity_id and position < this.position
    order by position desc limit 1 for update;
  else
    select * into other from public.application_questions
    where opportunity_id = this.opportunity_id and position > this.position
    order by position asc limit 1 for update;
  end if;
  if not found then
    return; -- already first (or last): nothing to do
  end if;
  update public.application_questions set position = other.position where id = this.id;
  update public.application_questions set position = this.position where id = other.id;
end
$$;

revoke all on function public.move_application_question(bigint, text) from public, anon;
grant execute on function public.move_application_question(bigint, text) to authenticated;
