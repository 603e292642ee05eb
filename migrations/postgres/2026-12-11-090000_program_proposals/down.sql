DROP TABLE publication_requests;
DROP TABLE proposal_events;
DROP TABLE program_proposals;
