{{/* The release's base name: the release name, with "dyad" unless it already contains it */}}
{{- define "dyad.fullname" -}}
{{- if contains "dyad" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-dyad" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "dyad.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: dyad
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one side; call with (dict "root" $ "side" "ledger") */}}
{{- define "dyad.selectorLabels" -}}
app.kubernetes.io/name: dyad
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .side }}
{{- end -}}

{{/* The most read-side instances: the autoscaler's maximum, never above the topic's partitions */}}
{{- define "dyad.views.maxReplicas" -}}
{{- min (int .Values.views.autoscaling.maxReplicas) (int .Values.kafka.partitions) -}}
{{- end -}}
