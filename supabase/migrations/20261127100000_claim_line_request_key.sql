-- A cost sent from a phone's outbox may arrive twice (no answer came back the first time, so it was
-- sent again). Each line the member adds carries the request key of the form it came from; the same
-- key on the same claim makes one line.
alter table public.claim_lines add column request_key uuid;
alter table public.claim_lines add constraint claim_lines_request_key unique (claim_id, request_key);
comment on column public.claim_lines.request_key is 'The key of the form that added the line: sending it again adds nothing.';

grant insert (request_key) on table public.claim_lines to authenticated;
