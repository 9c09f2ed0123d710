# nbgrader for the okrkit course (docs/deploy.md, "A course already on nbgrader").
#
# Copy this file into the nbgrader course folder, put a module's exercise notebook (exercises/,
# written by `okrkit build-exercises` with nbgrader's cell metadata) into source/<assignment>/,
# then: nbgrader generate_assignment <assignment>; collect; nbgrader autograde <assignment>.
# Each self-check cell is a grade cell worth one point; under the autograder it shows the kit's
# score for the answer (0 to 1), which nbgrader takes as partial credit.
c = get_config()  # noqa: F821 - nbgrader provides get_config to its configuration file

# The exercise notebooks already hold the kit's starters in place of the answers: clearing them
# again would replace each starter by nbgrader's "raise NotImplementedError()" stub.
c.ClearSolutions.enabled = False
c.Execute.timeout = 120  # a module's checks run in a few seconds; a slow machine gets room
