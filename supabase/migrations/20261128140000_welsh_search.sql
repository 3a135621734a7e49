-- Searching opportunities in Welsh: members reading Together in Welsh search the Welsh versions of
-- opportunities' words as well as the English. Postgres has no Welsh dictionary, so the Welsh words
-- are indexed as they are ('simple': lower case, no stemming).

alter table public.opportunities
  add column search_cy tsvector generated always as (
    to_tsvector('simple', coalesce(title_cy, '') || ' ' || coalesce(summary_cy, '') || ' ' || description_cy)
  ) stored;

comment on column public.opportunities.search_cy is 'The Welsh words of the opportunity, for searching in Welsh.';

create index opportunities_search_cy on public.opportunities using gin (search_cy);

-- The opportunity history leaves out columns nobody edits (search_cy follows the Welsh words).
create or replace function private.audit_opportunity() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  changed text[];
  verb text;
begin
  if tg_op = 'INSERT' then
    verb := 'created';
  elsif tg_op = 'DELETE' then
    verb := 'deleted';
  elsif old.status is distinct from new.status then
    verb := case new.status when 'published' then 'published' when 'closed' then 'closed'
                            when 'archived' then 'archived' else 'moved to draft' end;
  else
    verb := 'updated';
  end if;

  if tg_op = 'UPDATE' then
    select coalesce(array_agg(n.key order by n.key), '{}') into changed
    from jsonb_each(to_jsonb(new)) as n
    join jsonb_each(to_jsonb(old)) as o using (key)
    where n.value is distinct from o.value and n.key not in ('updated_at', 'search', 'search_cy', 'published_at');
  end if;

  insert into public.audit_log (actor_id, action, entity, entity_id, details)
  values (
    (select auth.uid()),
    'opportunity ' || verb,
    'opportunity',
    coalesce(new.id, old.id)::text,
    jsonb_strip_nulls(jsonb_build_object(
      'title', coalesce(new.title, old.title),
      'from_status', case when tg_op = 'UPDATE' then old.status end,
      'to_status', case when tg_op <> 'DELETE' then new.status end,
      'changed', changed
    ))
  );
  return coalesce(new, old);
end
$$;
