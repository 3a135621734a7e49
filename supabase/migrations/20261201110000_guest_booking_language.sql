-- The language of the page a guest booked from, so the emails about their booking are in it
-- (members' emails follow the Language choice in their display settings). Set by the server, with
-- the service role, right after book_guest_place; null (English) for members and older bookings.
alter table public.bookings
  add column guest_language text check (guest_language in ('en', 'cy'));

comment on column public.bookings.guest_language is
  'A guest''s booking: the language of the page they booked from (en or cy), for the emails to them.';
