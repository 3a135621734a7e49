-- Indexes for the queries bench/queries.mjs measures on a larger seed (10,000 members, 50,000
-- claims). The member queries already use indexes on member_id; the staff claims queue lists the
-- oldest sent claims first, and without an index in that order it joined every profile to every
-- claim before sorting. Indexes change no results, only how fast they come.
create index claims_submitted_at on public.claims (submitted_at);
