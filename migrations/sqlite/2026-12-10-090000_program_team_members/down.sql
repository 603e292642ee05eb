DROP TABLE program_team_members;
