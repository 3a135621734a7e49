-- Together demo data: Welsh versions of a few opportunities (first drafts, waiting for a Welsh
-- speaker to check them, like the Welsh in messages/cy.json), and the staff the browser tests for
-- Welsh, easy read and the easy-read checker sign in as (their own, so no other journey shares them).

insert into public.profiles
  (id, email, full_name, preferred_name, pronouns, phone, contact_methods, interests, role, status, permissions,
   created_at, updated_at)
values
  ('00000000-0000-4000-8170-000000000001', 'eirlys.hughes@example.org', 'Eirlys Hughes', 'Eirlys', 'she/her',
    '07700 900171', '{email}', '{}', 'staff', 'active', '{}',
    now() - interval '300 days', now() - interval '300 days'),
  ('00000000-0000-4000-8170-000000000002', 'owain.jenkins@example.org', 'Owain Jenkins', 'Owain', 'he/him',
    '07700 900172', '{email}', '{}', 'admin', 'active', '{}',
    now() - interval '500 days', now() - interval '500 days'),
  ('00000000-0000-4000-8170-000000000003', 'gwenllian.price@example.org', 'Gwenllian Price', 'Gwen', 'she/her',
    '07700 900173', '{email}', '{}', 'staff', 'active', '{}',
    now() - interval '200 days', now() - interval '200 days'),
  ('00000000-0000-4000-8170-000000000004', 'rhodri.evans@example.org', 'Rhodri Evans', 'Rhodri', 'he/him',
    '07700 900174', '{email}', '{}', 'admin', 'active', '{}',
    now() - interval '450 days', now() - interval '450 days')
on conflict (id) do nothing;

update public.opportunities set
  title_cy = 'Aelod o’r grŵp llywio (12 lle): rownd recriwtio agored',
  summary_cy = 'Mae ein grŵp llywio o aelodau a staff yn penderfynu sut mae Together yn gweithio. Rydym yn chwilio am 12 aelod i ymuno am ddwy flynedd, gan ddechrau yn y flwyddyn newydd.',
  description_cy = array_to_string(array[
    'Y grŵp llywio yw’r lle mae aelodau a staff yn penderfynu gyda’i gilydd sut mae’r rhwydwaith yn cael ei redeg. Mae’n cytuno ar ein blaenoriaethau am y flwyddyn ac yn sicrhau bod taliadau’n deg ac yn brydlon.',
    'Does dim angen profiad o bwyllgorau arnoch. Rydym yn chwilio am bobl sy’n gallu gwrando, rhannu eu profiad eu hunain o ofal neu gymorth, a siarad dros aelodau eraill.',
    'Mae’r grŵp yn cyfarfod bedair gwaith y flwyddyn ym Manceinion, neu gallwch ymuno ar Zoom.'
  ], E'\n\n'),
  easy_read_cy = '[
    {"text": "Mae’r grŵp llywio yn penderfynu sut mae Together yn cael ei redeg.", "pictogram": "steering"},
    {"text": "Mae aelodau a staff yn gweithio ar y grŵp gyda’i gilydd.", "pictogram": "group"},
    {"text": "Rydym eisiau 12 aelod newydd.", "pictogram": "star"},
    {"text": "Mae’r grŵp yn cyfarfod 4 gwaith y flwyddyn.", "pictogram": "calendar"},
    {"text": "Rydym yn talu £150 i chi am bob cyfarfod.", "pictogram": "money"}
  ]'
where title = 'Steering group member (12 places): open recruitment round';

update public.opportunities set
  title_cy = 'Grŵp cyfeirio arbenigol: seibiannau i ofalwyr',
  summary_cy = 'Dywedwch wrthym beth sy’n rhoi seibiant go iawn o ofalu, a beth sy’n rhwystro hynny. Chwe chyfarfod ar-lein dros flwyddyn, i unrhyw un sy’n gofalu am aelod o’r teulu neu ffrind.',
  easy_read_cy = '[
    {"text": "Ydych chi’n gofalu am rywun?", "pictogram": "care"},
    {"text": "Dywedwch wrthym beth sy’n eich helpu i gael seibiant.", "pictogram": "talk"},
    {"text": "Mae 6 chyfarfod ar-lein.", "pictogram": "online"}
  ]'
where title = 'Expert reference group: carers'' breaks';

update public.opportunities set
  title_cy = 'Grŵp cynghori ar wybodaeth hawdd ei deall',
  summary_cy = 'Helpwch ni i wirio bod ein taflenni a’n tudalennau gwe hawdd eu deall yn wirioneddol hawdd eu darllen. Rydym yn chwilio am 8 o bobl.'
where title = 'Advisory group on easy read information';
