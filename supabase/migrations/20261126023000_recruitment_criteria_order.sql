-- Keeping a person specification in order: staff move a criterion up or down, or remove one, and
-- the others keep their places 1, 2, 3… Each is one statement in one transaction, so two criteria
-- swap places without ever sharing one (the unique position is checked when the transaction ends).
-- Security invoker: the staff policies on recruitment_criteria still decide who may change them.
--   not_found    no such criterion (or the person cannot see it)
--   not_allowed  the person is not on the co-production team

create function public.move_criterion(criterion bigint, up boolean)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  this public.recruitment_criteria;
  other public.recruitment_criteria;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  select * into this from public.recruitment_criteria where id = criterion for update;
  if not found then
    raise exception 'not_found';
  end if;
  if up then
    select * into other from public.recruitment_criteria
    where opportunity_id = this.opportunity_id and position < this.position
    order by position desc limit 1 for update;
  else
    select * into other from public.recruitment_criteria
    where opportunity_id = this.opportunity_id and position > this.position
    order by position limit 1 for update;
  end if;
  if not found then
    return; -- already first (or last): nothing to do
  end if;
  update public.recruitment_criteria
  set position = case when id = this.id then other.position else this.position end
  where id in (this.id, other.id);
end
$$;

create function public.remove_criterion(criterion bigint)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  this public.recruitment_criteria;
begin
  if not (select private.is_staff()) then
    raise exception 'not_allowed';
  end if;
  delete from public.recruitment_criteria where id = criterion returning * into this;
  if not found then
    raise exception 'not_found';
  end if;
  update public.recruitment_criteria
  set position = position - 1
  where opportunity_id = this.opportunity_id and position > this.position;
end
$$;

revoke all on function public.move_criterion(bigint, boolean), public.remove_criterion(bigint) from public, anon;
grant execute on function public.move_criterion(bigint, boolean), public.remove_criterion(bigint) to authenticated;
