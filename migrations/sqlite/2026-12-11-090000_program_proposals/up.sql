-- Programs employees propose, and what the administrators decided: approving one makes a
-- draft program whose team owner is the proposer (program_id); asking for changes lets the
-- proposer edit and send it again; declining ends it, as the proposer withdrawing it does.
CREATE TABLE program_proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposer_id INTEGER NOT NULL REFERENCES employees (id),
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cohort', 'self_paced', 'tuition')),
    audience TEXT NOT NULL,
    expected_cost_cents BIGINT NOT NULL CHECK (expected_cost_cents >= 0),
    experience TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'changes_requested', 'approved', 'declined', 'withdrawn')),
    program_id INTEGER REFERENCES programs (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- The review queue: proposals of a status, oldest first.
CREATE INDEX program_proposals_status ON program_proposals (status, updated_at);
-- A person's own proposals.
CREATE INDEX program_proposals_proposer ON program_proposals (proposer_id, id);
-- The proposal a program came from (one at most).
CREATE UNIQUE INDEX program_proposals_program ON program_proposals (program_id);

-- A proposal's timeline: each step, who took it and their comment.
CREATE TABLE proposal_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES program_proposals (id),
    actor_id INTEGER REFERENCES employees (id),
    kind TEXT NOT NULL CHECK (kind IN ('submitted', 'edited', 'resubmitted', 'changes_requested', 'approved',
        'declined', 'withdrawn', 'publication_requested', 'published')),
    comment TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX proposal_events_proposal ON proposal_events (proposal_id, id);

-- A draft program's owner asked the administrators to publish it: who, and when.
CREATE TABLE publication_requests (
    program_id INTEGER PRIMARY KEY REFERENCES programs (id),
    requested_by INTEGER NOT NULL REFERENCES employees (id),
    requested_at TIMESTAMP NOT NULL
);
