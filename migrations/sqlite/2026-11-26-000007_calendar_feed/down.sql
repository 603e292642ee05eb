DROP INDEX calendar_feeds_token_hash;
DROP TABLE calendar_feeds;
