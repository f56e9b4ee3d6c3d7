package ru.telecom.crm.preference.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserPreferenceRepository extends JpaRepository<UserPreference, String> {

}
