@local @local_magistere
Feature: A participant sees his own progress and the people of his parcours
  In order to follow my training
  As a participant
  I need to see my own progress, my mark and whom I can message, and nobody else's progress

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
      | page     | Lesson two | MATHS3 | page2    | 1          |
    And the following "course enrolments" exist:
      | user     | course | role           |
      | trainer1 | MATHS3 | editingteacher |
      | teacher1 | MATHS3 | student        |
      | teacher2 | MATHS3 | student        |

  Scenario: The participant sees his bar, the activities and the people, not their progress
    When I am on the "MATHS3" "local_magistere > Parcours" page logged in as "teacher1"
    Then I should see "My progress"
    And I should see "0 of 2 activities done (0 %)"
    And I should see "Lesson one"
    And I should see "Lesson two"
    And I should see "Marie Curie"
    And I should see "Anne Martin"
    And I should see "Not finished"
    And I should not see "Mark as finished"
    And "Send a message to Marie Curie" "link" should exist

  Scenario: The participant opens the transparency page
    When I am on the "MATHS3" "local_magistere > Transparency" page logged in as "teacher1"
    Then I should see "Who sees what about me"
    And I should see "Your trainers see"
    And I should see "your connection time"
