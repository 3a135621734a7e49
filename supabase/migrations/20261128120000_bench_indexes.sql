-- Indexes for the queries bench/queries.mjs measures on a larger seed (10,000 members, 2,000
-- opportunities, 50,000 claims). Indexes change no results, only how fast they come.

-- The staff claims queue lists the oldest sent claims first: without an index in that order it
-- joined every profile to every claim before sorting.
create index claims_submitted_at on public.claims (submitted_at);

-- The opportunities list reads published ones in closing order; as closed and archived ones pile
-- up over the years, this keeps it to the published ones instead of a scan of the whole table.
create index opportunities_published_closes_at on public.opportunities (closes_at, id)
  where status = 'published';
