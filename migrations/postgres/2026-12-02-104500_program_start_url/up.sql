-- Where someone with a place starts the course: an https address, or none.
ALTER TABLE programs ADD COLUMN start_url TEXT;
-- The standard programs that are taken online at once get theirs.
UPDATE programs SET start_url = 'https://skillbuilder.aws/' WHERE slug = 'aws-training-and-certification' AND start_url IS NULL;
UPDATE programs SET start_url = 'https://aws.amazon.com/machine-learning/mlu/' WHERE slug = 'machine-learning-university' AND start_url IS NULL;
