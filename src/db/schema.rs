//! Diesel table definitions, identical for both backends (see `migrations/`).

diesel::table! {
    employees (id) {
        id -> Integer,
        email -> Text,
        display_name -> Text,
        job_title -> Text,
        job_family -> Text,
        site_type -> Text,
        employment_type -> Text,
        hire_date -> Date,
        manager_id -> Nullable<Integer>,
        is_admin -> Bool,
        password_hash -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        locale -> Nullable<Text>,
        time_zone -> Nullable<Text>,
    }
}

diesel::table! {
    programs (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        summary -> Text,
        description -> Text,
        kind -> Text,
        category -> Text,
        format -> Text,
        provider -> Text,
        duration_weeks -> Nullable<Integer>,
        min_tenure_days -> Integer,
        allowed_job_families -> Text,
        allowed_site_types -> Text,
        full_time_only -> Bool,
        tuition_percent -> Integer,
        annual_cap_full_time_cents -> BigInt,
        annual_cap_part_time_cents -> BigInt,
        needs_manager_approval -> Bool,
        needs_admin_approval -> Bool,
        opens_on -> Nullable<Date>,
        closes_on -> Nullable<Date>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        start_url -> Nullable<Text>,
        completion_evidence -> Text,
        verified_by -> Text,
        completion_note -> Text,
        target_job_families -> Text,
        target_title_keywords -> Text,
        annual_budget_cents -> Nullable<BigInt>,
        seat_cost_cents -> Nullable<BigInt>,
    }
}

diesel::table! {
    intakes (id) {
        id -> Integer,
        program_id -> Integer,
        name -> Text,
        starts_on -> Date,
        seats -> Integer,
        allocation -> Text,
        opens_on -> Nullable<Date>,
        closes_on -> Nullable<Date>,
        priority -> Text,
        drawn_at -> Nullable<Timestamp>,
        draw_seed -> Nullable<Text>,
        offer_days -> Nullable<Integer>,
    }
}

diesel::table! {
    intake_draw_order (intake_id, position) {
        intake_id -> Integer,
        position -> Integer,
        application_id -> Integer,
        recent_completer -> Bool,
        placed -> Bool,
    }
}

diesel::table! {
    applications (id) {
        id -> Integer,
        employee_id -> Integer,
        program_id -> Integer,
        intake_id -> Nullable<Integer>,
        status -> Text,
        motivation -> Text,
        institution -> Nullable<Text>,
        course_title -> Nullable<Text>,
        term_starts_on -> Nullable<Date>,
        amount_cents -> Nullable<BigInt>,
        covered_cents -> Nullable<BigInt>,
        approver_id -> Nullable<Integer>,
        submitted_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        waitlisted_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        site_type -> Text,
        paid_cents -> BigInt,
        approved_at -> Nullable<Timestamp>,
        completed_on -> Nullable<Date>,
        completion_submitted_at -> Nullable<Timestamp>,
        offer_expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    tuition_payments (id) {
        id -> Integer,
        application_id -> Integer,
        invoice_number -> Text,
        amount_cents -> BigInt,
        paid_on -> Date,
        reference -> Text,
        recorded_by -> Integer,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    payment_totals (program_id, paid_on) {
        program_id -> Integer,
        paid_on -> Date,
        payments -> BigInt,
        paid_cents -> BigInt,
    }
}

diesel::table! {
    due_totals (program_id, approved_on) {
        program_id -> Integer,
        approved_on -> Date,
        places -> BigInt,
        covered_cents -> BigInt,
        paid_cents -> BigInt,
    }
}

diesel::table! {
    commitment_totals (program_id, approved_on) {
        program_id -> Integer,
        approved_on -> Date,
        places -> BigInt,
        covered_cents -> BigInt,
    }
}

diesel::table! {
    credentials (id) {
        id -> Integer,
        application_id -> Integer,
        name -> Text,
        credential_id -> Text,
        earned_on -> Date,
        verification_url -> Nullable<Text>,
        recorded_by -> Integer,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    application_stats (program_id, site_type, month, status) {
        program_id -> Integer,
        site_type -> Text,
        month -> Text,
        status -> Text,
        applications -> BigInt,
        covered_cents -> BigInt,
    }
}

diesel::table! {
    access_links (id) {
        id -> Integer,
        employee_id -> Integer,
        purpose -> Text,
        token_hash -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    catalog_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    pledge_participant_count (id) {
        id -> Integer,
        participants -> BigInt,
    }
}

diesel::table! {
    pledge_participants (employee_id) {
        employee_id -> Integer,
        first_completed_at -> Timestamp,
    }
}

diesel::table! {
    application_events (id) {
        id -> Integer,
        application_id -> Integer,
        actor_id -> Nullable<Integer>,
        acting_for_id -> Nullable<Integer>,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        comment -> Nullable<Text>,
        details -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> Integer,
        employee_id -> Integer,
        application_id -> Nullable<Integer>,
        body -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
        message -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        employee_id -> Nullable<Integer>,
        state -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        actor_id -> Nullable<Integer>,
        action -> Text,
        subject -> Text,
        details -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    settings (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    delegations (id) {
        id -> Integer,
        manager_id -> Integer,
        delegate_id -> Integer,
        starts_on -> Date,
        ends_on -> Date,
        created_at -> Timestamp,
    }
}

diesel::table! {
    program_team_members (program_id, employee_id) {
        program_id -> Integer,
        employee_id -> Integer,
        role -> Text,
        added_by -> Nullable<Integer>,
        added_at -> Timestamp,
    }
}

diesel::table! {
    program_proposals (id) {
        id -> Integer,
        proposer_id -> Integer,
        name -> Text,
        summary -> Text,
        description -> Text,
        kind -> Text,
        audience -> Text,
        expected_cost_cents -> BigInt,
        experience -> Text,
        status -> Text,
        program_id -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    publication_requests (program_id) {
        program_id -> Integer,
        requested_by -> Integer,
        requested_at -> Timestamp,
    }
}

diesel::table! {
    proposal_events (id) {
        id -> Integer,
        proposal_id -> Integer,
        actor_id -> Nullable<Integer>,
        kind -> Text,
        comment -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    employee_imports (id) {
        id -> Integer,
        admin_id -> Integer,
        file_name -> Text,
        created_at -> Timestamp,
        csv_text -> Text,
        sha256 -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        employee_id -> Integer,
        application_id -> Nullable<Integer>,
        kind -> Text,
        subject -> Text,
        body -> Text,
        in_digest -> Bool,
        digest_id -> Nullable<Integer>,
        dedupe_key -> Nullable<Text>,
        created_at -> Timestamp,
        send_after -> Timestamp,
        attempts -> Integer,
        claim_token -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        link -> Nullable<Text>,
        last_error -> Nullable<Text>,
        message -> Nullable<Text>,
    }
}

diesel::table! {
    email_preferences (employee_id) {
        employee_id -> Integer,
        daily_digest -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    attempt_counts (scope, subject) {
        scope -> Text,
        subject -> Text,
        started_at -> Timestamp,
        attempts -> Integer,
    }
}

diesel::table! {
    leases (name) {
        name -> Text,
        holder -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    calendar_feeds (employee_id) {
        employee_id -> Integer,
        token_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    scim_tokens (id) {
        id -> Integer,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Integer>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<Integer>,
    }
}

diesel::table! {
    scim_users (employee_id) {
        employee_id -> Integer,
        external_id -> Nullable<Text>,
        employee_number -> Text,
        department -> Text,
        given_name -> Text,
        family_name -> Text,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    evidence_files (id) {
        id -> Integer,
        application_id -> Integer,
        uploaded_by -> Integer,
        uploaded_at -> Timestamp,
        original_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        content -> Binary,
    }
}

diesel::table! {
    employee_history (id) {
        id -> Integer,
        employee_id -> Integer,
        effective_on -> Date,
        job_title -> Text,
        job_family -> Text,
        site_type -> Text,
        employment_type -> Text,
        manager_id -> Nullable<Integer>,
        active -> Bool,
        source -> Text,
        left_on -> Nullable<Date>,
        leaving_reason -> Nullable<Text>,
        recorded_at -> Timestamp,
        recorded_by -> Nullable<Integer>,
    }
}

diesel::table! {
    completion_outcomes (application_id) {
        application_id -> Integer,
        employee_id -> Integer,
        program_id -> Integer,
        site_type -> Text,
        job_family -> Text,
        tenure_band -> Text,
        applied_on -> Date,
        started_on -> Date,
        completed_on -> Date,
        outcome_6 -> Text,
        outcome_12 -> Text,
        outcome_24 -> Text,
        outcome_to_date -> Text,
        moved_on -> Nullable<Date>,
        next_check_on -> Nullable<Date>,
    }
}

diesel::table! {
    outcome_totals (program_id, site_type, month, horizon, outcome) {
        program_id -> Integer,
        site_type -> Text,
        month -> Text,
        horizon -> Integer,
        outcome -> Text,
        participants -> BigInt,
    }
}

diesel::table! {
    move_delay_totals (program_id, site_type, month, months_to_move) {
        program_id -> Integer,
        site_type -> Text,
        month -> Text,
        months_to_move -> Integer,
        participants -> BigInt,
    }
}

diesel::table! {
    paid_by_month (program_id, month) {
        program_id -> Integer,
        month -> Text,
        paid_cents -> BigInt,
    }
}

diesel::table! {
    comparison_totals (program_id, month) {
        program_id -> Integer,
        month -> Text,
        participants -> BigInt,
        matched -> BigInt,
        stayed -> BigInt,
        moved -> BigInt,
        expected_stayed_milli -> BigInt,
        expected_moved_milli -> BigInt,
    }
}

diesel::joinable!(intakes -> programs (program_id));
diesel::joinable!(applications -> programs (program_id));
diesel::joinable!(applications -> intakes (intake_id));
diesel::joinable!(application_events -> applications (application_id));
diesel::joinable!(notifications -> applications (application_id));
diesel::joinable!(tuition_payments -> applications (application_id));
diesel::joinable!(outbox -> employees (employee_id));
diesel::joinable!(email_preferences -> employees (employee_id));
diesel::joinable!(calendar_feeds -> employees (employee_id));
diesel::joinable!(scim_users -> employees (employee_id));
diesel::joinable!(completion_outcomes -> applications (application_id));
diesel::joinable!(completion_outcomes -> employees (employee_id));
diesel::joinable!(completion_outcomes -> programs (program_id));
diesel::joinable!(evidence_files -> applications (application_id));
diesel::joinable!(credentials -> applications (application_id));
diesel::joinable!(program_team_members -> programs (program_id));
diesel::joinable!(program_proposals -> employees (proposer_id));
diesel::joinable!(proposal_events -> program_proposals (proposal_id));
diesel::joinable!(publication_requests -> programs (program_id));
diesel::joinable!(intake_draw_order -> intakes (intake_id));
diesel::joinable!(intake_draw_order -> applications (application_id));

diesel::allow_tables_to_appear_in_same_query!(
    employees,
    programs,
    intakes,
    applications,
    application_events,
    notifications,
    sessions,
    audit_log,
    settings,
    delegations,
    program_team_members,
    program_proposals,
    proposal_events,
    publication_requests,
    intake_draw_order,
    application_stats,
    pledge_participants,
    access_links,
    catalog_version,
    pledge_participant_count,
    employee_imports,
    outbox,
    email_preferences,
    attempt_counts,
    leases,
    calendar_feeds,
    scim_tokens,
    scim_users,
    evidence_files,
    tuition_payments,
    payment_totals,
    due_totals,
    commitment_totals,
    credentials,
    employee_history,
    completion_outcomes,
    outcome_totals,
    move_delay_totals,
    paid_by_month,
    comparison_totals,
);
