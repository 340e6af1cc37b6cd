"""Contains all the data models used in inputs/outputs"""

from .analysis_choice import AnalysisChoice
from .analysis_choice_status import AnalysisChoiceStatus
from .api_key_created import ApiKeyCreated
from .api_key_in import ApiKeyIn
from .api_key_in_roles_item import ApiKeyInRolesItem
from .api_key_in_scopes_item import ApiKeyInScopesItem
from .api_key_out import ApiKeyOut
from .assessment_collaborators_in import AssessmentCollaboratorsIn
from .assessment_collaborators_out import AssessmentCollaboratorsOut
from .assessment_in import AssessmentIn
from .assessment_in_kind import AssessmentInKind
from .assessment_listed import AssessmentListed
from .assessment_out import AssessmentOut
from .assessment_out_items_item import AssessmentOutItemsItem
from .assessment_version_out import AssessmentVersionOut
from .assignment_in import AssignmentIn
from .assignment_list import AssignmentList
from .assignment_out import AssignmentOut
from .attempt_out import AttemptOut
from .attempt_out_items_item import AttemptOutItemsItem
from .attempt_out_responses_item import AttemptOutResponsesItem
from .attempt_out_result_type_0 import AttemptOutResultType0
from .attempt_started import AttemptStarted
from .attempt_started_items_item import AttemptStartedItemsItem
from .attempt_summary import AttemptSummary
from .au_out import AuOut
from .aus_out import AusOut
from .catalogue_page import CataloguePage
from .certificate import Certificate
from .certifications import Certifications
from .charts_out import ChartsOut
from .charts_out_causes_state import ChartsOutCausesState
from .charts_out_causes_type_0 import ChartsOutCausesType0
from .charts_out_completions_type_0 import ChartsOutCompletionsType0
from .charts_out_findings import ChartsOutFindings
from .charts_out_kpis_item import ChartsOutKpisItem
from .charts_out_needs_analysis_type_0 import ChartsOutNeedsAnalysisType0
from .choices_out import ChoicesOut
from .cmi_5_import_report import Cmi5ImportReport
from .completion import Completion
from .completion_page import CompletionPage
from .compliance_report import ComplianceReport
from .course_choice import CourseChoice
from .course_in import CourseIn
from .course_out import CourseOut
from .course_patch import CoursePatch
from .course_summary import CourseSummary
from .current_cycle import CurrentCycle
from .curriculum_collaborators_in import CurriculumCollaboratorsIn
from .curriculum_collaborators_out import CurriculumCollaboratorsOut
from .curriculum_version_out import CurriculumVersionOut
from .cycle_out import CycleOut
from .delivery import Delivery
from .enrolment_in import EnrolmentIn
from .enrolment_out import EnrolmentOut
from .enrolment_out_evidence_type_0 import EnrolmentOutEvidenceType0
from .enrolment_summary import EnrolmentSummary
from .export_course_package_format import ExportCoursePackageFormat
from .get_course_format import GetCourseFormat
from .impact_out import ImpactOut
from .impact_out_metrics_item import ImpactOutMetricsItem
from .impact_out_window import ImpactOutWindow
from .import_kpis_json_body_item import ImportKpisJsonBodyItem
from .import_report import ImportReport
from .invitation_out import InvitationOut
from .invitation_out_status import InvitationOutStatus
from .kpi_ingested import KpiIngested
from .launch_in import LaunchIn
from .launch_in_launch_mode import LaunchInLaunchMode
from .launch_out import LaunchOut
from .lesson_in import LessonIn
from .lesson_in_kind import LessonInKind
from .lesson_out import LessonOut
from .list_assessment_attempts_status import ListAssessmentAttemptsStatus
from .list_assessments_kind import ListAssessmentsKind
from .list_courses_status import ListCoursesStatus
from .list_xapi_statements_format import ListXapiStatementsFormat
from .member_row import MemberRow
from .metric_in import MetricIn
from .metric_out import MetricOut
from .module_in import ModuleIn
from .module_out import ModuleOut
from .module_out_cmi_5 import ModuleOutCmi5
from .module_patch import ModulePatch
from .module_progress import ModuleProgress
from .my_team import MyTeam
from .needs_analysis_in import NeedsAnalysisIn
from .needs_analysis_out import NeedsAnalysisOut
from .needs_analysis_out_status import NeedsAnalysisOutStatus
from .package_in import PackageIn
from .package_module import PackageModule
from .package_module_cmi_5_type_0 import PackageModuleCmi5Type0
from .pagination_metadata import PaginationMetadata
from .person import Person
from .problem import Problem
from .problem_errors import ProblemErrors
from .publish_out import PublishOut
from .published_out import PublishedOut
from .report_out import ReportOut
from .report_out_causes_item import ReportOutCausesItem
from .report_out_leader_questionnaire_type_0 import ReportOutLeaderQuestionnaireType0
from .report_out_skill_gaps_item import ReportOutSkillGapsItem
from .report_out_status import ReportOutStatus
from .report_out_system_causes_item import ReportOutSystemCausesItem
from .review_in import ReviewIn
from .session_out import SessionOut
from .start_in import StartIn
from .statement_page import StatementPage
from .statement_page_statements_item import StatementPageStatementsItem
from .submit_in import SubmitIn
from .submit_in_responses_item import SubmitInResponsesItem
from .submit_result import SubmitResult
from .submit_result_competency_scores import SubmitResultCompetencyScores
from .submit_result_items_item import SubmitResultItemsItem
from .submit_result_receipt import SubmitResultReceipt
from .submit_result_recommended_modules_item import SubmitResultRecommendedModulesItem
from .team_choice import TeamChoice
from .team_kpis_out import TeamKpisOut
from .team_kpis_out_items_item import TeamKpisOutItemsItem
from .team_list import TeamList
from .team_out import TeamOut
from .team_progress import TeamProgress
from .waive_in import WaiveIn
from .waive_out import WaiveOut
from .walk_in import WalkIn
from .walk_out import WalkOut
from .walk_out_step_type_0 import WalkOutStepType0
from .webhook_in import WebhookIn
from .webhook_out import WebhookOut
from .webhook_summary import WebhookSummary

__all__ = (
    "AnalysisChoice",
    "AnalysisChoiceStatus",
    "ApiKeyCreated",
    "ApiKeyIn",
    "ApiKeyInRolesItem",
    "ApiKeyInScopesItem",
    "ApiKeyOut",
    "AssessmentCollaboratorsIn",
    "AssessmentCollaboratorsOut",
    "AssessmentIn",
    "AssessmentInKind",
    "AssessmentListed",
    "AssessmentOut",
    "AssessmentOutItemsItem",
    "AssessmentVersionOut",
    "AssignmentIn",
    "AssignmentList",
    "AssignmentOut",
    "AttemptOut",
    "AttemptOutItemsItem",
    "AttemptOutResponsesItem",
    "AttemptOutResultType0",
    "AttemptStarted",
    "AttemptStartedItemsItem",
    "AttemptSummary",
    "AuOut",
    "AusOut",
    "CataloguePage",
    "Certificate",
    "Certifications",
    "ChartsOut",
    "ChartsOutCausesState",
    "ChartsOutCausesType0",
    "ChartsOutCompletionsType0",
    "ChartsOutFindings",
    "ChartsOutKpisItem",
    "ChartsOutNeedsAnalysisType0",
    "ChoicesOut",
    "Cmi5ImportReport",
    "Completion",
    "CompletionPage",
    "ComplianceReport",
    "CourseChoice",
    "CourseIn",
    "CourseOut",
    "CoursePatch",
    "CourseSummary",
    "CurrentCycle",
    "CurriculumCollaboratorsIn",
    "CurriculumCollaboratorsOut",
    "CurriculumVersionOut",
    "CycleOut",
    "Delivery",
    "EnrolmentIn",
    "EnrolmentOut",
    "EnrolmentOutEvidenceType0",
    "EnrolmentSummary",
    "ExportCoursePackageFormat",
    "GetCourseFormat",
    "ImpactOut",
    "ImpactOutMetricsItem",
    "ImpactOutWindow",
    "ImportKpisJsonBodyItem",
    "ImportReport",
    "InvitationOut",
    "InvitationOutStatus",
    "KpiIngested",
    "LaunchIn",
    "LaunchInLaunchMode",
    "LaunchOut",
    "LessonIn",
    "LessonInKind",
    "LessonOut",
    "ListAssessmentAttemptsStatus",
    "ListAssessmentsKind",
    "ListCoursesStatus",
    "ListXapiStatementsFormat",
    "MemberRow",
    "MetricIn",
    "MetricOut",
    "ModuleIn",
    "ModuleOut",
    "ModuleOutCmi5",
    "ModulePatch",
    "ModuleProgress",
    "MyTeam",
    "NeedsAnalysisIn",
    "NeedsAnalysisOut",
    "NeedsAnalysisOutStatus",
    "PackageIn",
    "PackageModule",
    "PackageModuleCmi5Type0",
    "PaginationMetadata",
    "Person",
    "Problem",
    "ProblemErrors",
    "PublishedOut",
    "PublishOut",
    "ReportOut",
    "ReportOutCausesItem",
    "ReportOutLeaderQuestionnaireType0",
    "ReportOutSkillGapsItem",
    "ReportOutStatus",
    "ReportOutSystemCausesItem",
    "ReviewIn",
    "SessionOut",
    "StartIn",
    "StatementPage",
    "StatementPageStatementsItem",
    "SubmitIn",
    "SubmitInResponsesItem",
    "SubmitResult",
    "SubmitResultCompetencyScores",
    "SubmitResultItemsItem",
    "SubmitResultReceipt",
    "SubmitResultRecommendedModulesItem",
    "TeamChoice",
    "TeamKpisOut",
    "TeamKpisOutItemsItem",
    "TeamList",
    "TeamOut",
    "TeamProgress",
    "WaiveIn",
    "WaiveOut",
    "WalkIn",
    "WalkOut",
    "WalkOutStepType0",
    "WebhookIn",
    "WebhookOut",
    "WebhookSummary",
)
