@local @local_magistere @javascript
Feature: A trainer marks participants' training as finished
  In order to attest that teachers took part in a parcours
  As a trainer
  I need to tick and untick "formation terminée", after a confirmation that lists the names

  Background:
    Given the following "users" exist:
      | username | firstname | lastname |
      | trainer1 | Marie     | Curie    |
      | teacher1 | Jean      | Dupont   |
      | teacher2 | Anne      | Martin   |
    And the following "courses" exist:
      | fullname          | shortname | enablecompletion |
      | Maths au cycle 3  | MATHS3    | 1                |
    And the following "activities" exist:
      # completion 1 = manual completion tracking.
      | activity | name       | course | idnumber | completion |
      | page     | Lesson one | MATHS3 | page1    | 1          |
    And the following "course enrolments" exist:
      | user     | course | role           |
      | trainer1 | MATHS3 | editingteacher |
      | teacher1 | MATHS3 | student        |
      | teacher2 | MATHS3 | student        |

  Scenario: The trainer sees every participant's progress and ticks one of them
    When I am on the "MATHS3" "local_magistere > Parcours" page logged in as "trainer1"
    Then I should see "Jean Dupont"
    And I should see "Anne Martin"
    And I should see "0 of 1 activities done (0 %)"
    And I set the field "Select Jean Dupont" to "1"
    And I press "Mark as finished"
    And I should see "Mark the training of these 1 participant(s) as finished?"
    And I should see "Jean Dupont"
    And I press "Mark as finished"
    And I should see "1 participant(s) marked as finished."
    And I should see "2 participant(s), 1 marked as finished."

  Scenario: The trainer unticks a participant, then undoes it
    Given I am on the "MATHS3" "local_magistere > Parcours" page logged in as "trainer1"
    And I set the field "Select all the participants of this page" to "1"
    And I press "Mark as finished"
    And I press "Mark as finished"
    And I should see "2 participant(s), 2 marked as finished."
    When I set the field "Select Anne Martin" to "1"
    And I press "Mark as not finished"
    And I press "Mark as not finished"
    Then I should see "2 participant(s), 1 marked as finished."
    And I follow "Undo"
    And I should see "The change was undone for 1 participant(s)."
    And I should see "2 participant(s), 2 marked as finished."

  Scenario: Marking everybody again leaves the participants already finished as they are
    Given I am on the "MATHS3" "local_magistere > Parcours" page logged in as "trainer1"
    And I set the field "Select Jean Dupont" to "1"
    And I press "Mark as finished"
    And I press "Mark as finished"
    When I set the field "Select all the participants of this page" to "1"
    And I press "Mark as finished"
    Then I should see "Mark the training of these 1 participant(s) as finished?"
    And I should see "These 1 selected participant(s) are already finished and stay unchanged"
    And I press "Mark as finished"
    And I should see "1 participant(s) marked as finished. 1 already finished: unchanged, their credited time is kept."
