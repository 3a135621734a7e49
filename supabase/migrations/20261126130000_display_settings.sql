-- Display settings follow a member to every device they sign in on: text size, colours, font,
-- spacing, motion, easy read first and read aloud. The app checks each value (anything unknown
-- falls back to the standard setting); the database keeps it a small JSON object.

alter table public.profiles
  add column display_settings jsonb
    check (display_settings is null
      or (jsonb_typeof(display_settings) = 'object' and pg_column_size(display_settings) <= 1024));

comment on column public.profiles.display_settings is
  'The member''s display settings (textSize, theme, font, lineSpacing, letterSpacing, motion, easyRead, readAloud), or null if never saved.';

-- Members change their own (the existing "Members update their own profile" policy keeps them to
-- their own row); staff may reset them like any other profile field.
grant update (display_settings) on table public.profiles to authenticated;
