DROP INDEX application_stats_by_site;
DROP INDEX application_stats_by_month;
DROP TABLE pledge_participant_count;
