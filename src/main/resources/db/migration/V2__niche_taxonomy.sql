-- The seed taxonomy. Admins extend it through the API; these slugs are stable identifiers.
insert into niche (slug, parent_slug, name) values
    ('beauty', null, 'Beauty'),
    ('food', null, 'Food'),
    ('fashion', null, 'Fashion'),
    ('crafts', null, 'Crafts'),
    ('tech', null, 'Tech'),
    ('fitness', null, 'Fitness'),
    ('travel', null, 'Travel'),
    ('parenting', null, 'Parenting'),
    ('finance', null, 'Finance'),
    ('education', null, 'Education'),
    ('home', null, 'Home'),
    ('pets', null, 'Pets'),
    ('music', null, 'Music'),
    ('comedy', null, 'Comedy');

insert into niche (slug, parent_slug, name) values
    ('skincare', 'beauty', 'Skincare'),
    ('makeup', 'beauty', 'Makeup'),
    ('haircare', 'beauty', 'Haircare'),
    ('baking', 'food', 'Baking'),
    ('street-food', 'food', 'Street food'),
    ('healthy-eating', 'food', 'Healthy eating'),
    ('modest-fashion', 'fashion', 'Modest fashion'),
    ('streetwear', 'fashion', 'Streetwear'),
    ('batik', 'fashion', 'Batik'),
    ('handmade', 'crafts', 'Handmade'),
    ('woodwork', 'crafts', 'Woodwork'),
    ('gadgets', 'tech', 'Gadgets'),
    ('gaming', 'tech', 'Gaming');
